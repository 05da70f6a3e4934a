import { AppLayout } from './app-layout';
import { StoreProvider } from './store-provider';
import { ViewStateSync } from './view-state-sync';
import './app.css';

export function App() {
  return (
    <StoreProvider>
      <ViewStateSync />
      <AppLayout />
    </StoreProvider>
  );
}
