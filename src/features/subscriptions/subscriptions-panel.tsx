import { SubscriptionForm } from './subscription-form';
import { ReregisterPrompt } from './reregister-prompt';
import { SubscriptionList } from './subscription-list';
import './subscriptions.css';

export function SubscriptionsPanel() {
  return (
    <section className="subscriptions-panel">
      <h2>Subscriptions</h2>
      <SubscriptionForm />
      <ReregisterPrompt />
      <SubscriptionList />
    </section>
  );
}
