import { firstScreen } from './first';
import '../../components/theme.css';
import '../../components/popup/popup.css';

// React and the popup load as a second chunk, so that the first screen's reads (./first) start
// before that chunk is even parsed.
void import('./app').then(({ mount }) => mount(firstScreen));
