export { ConfigSidebar } from './ConfigSidebar.js';
