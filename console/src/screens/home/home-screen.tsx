import { useEffect } from 'preact/hooks';

/** `/` for an operator whose role opens no settings area at all. */
export function HomeScreen() {
  useEffect(() => {
    document.title = 'Roster';
  }, []);
  return (
    <section class="status-page" data-testid="home-empty">
      <h1>Welcome to Roster</h1>
      <p>Your role does not include any settings areas yet. Ask an administrator of your organisation for access.</p>
    </section>
  );
}
