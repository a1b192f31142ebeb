import { firstPaint, firstScreen } from './first';
import '../../components/theme.css';
import '../../components/popup/popup.css';

// React and the popup load as a second chunk while the first screen is read and drawn without them
// (./first), and take it over once it is on screen.
void import('./app').then(({ mount }) => mount(firstScreen, firstPaint));
