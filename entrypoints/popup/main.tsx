import { takeBoot } from '../../components/popup/boot';
import '../../components/theme.css';
import '../../components/popup/popup.css';

// The first screen is read and drawn by popup-first.js (components/popup/boot.ts) while React and
// the popup load as a second chunk; they take it over once it is on screen.
const boot = takeBoot();
void import('./app').then(({ mount }) => mount(boot));
