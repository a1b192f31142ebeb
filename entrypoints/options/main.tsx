import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/panel/panel.css';
import '../../components/options/options.css';

// No zod here: the contact list does not use it; sections loaded later set it up (components/options/lazy.ts).
// Every module of the page's first script has run (the benchmark reads this mark to place its long tasks).
performance.mark('rapport:options-main');

createRoot(document.getElementById('root')!).render(<OptionsApp />);
