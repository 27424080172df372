import { render } from 'preact';
import { App } from './app.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/directory.css';
import './styles/webhooks.css';

render(<App />, document.getElementById('app')!);
