import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startStores } from './stores/bootstrap';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element');

startStores();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
