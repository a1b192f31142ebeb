import { z } from 'zod';
import { createRoot } from 'react-dom/client';

z.config({ jitless: true });

function App() {
  return <main data-testid="sidepanel-root">Rapport</main>;
}

createRoot(document.getElementById('root')!).render(<App />);
