import { AppLayout } from './app-layout';
import { StoreProvider } from './store-provider';
import './app.css';

export function App() {
  return (
    <StoreProvider>
      <AppLayout />
    </StoreProvider>
  );
}
