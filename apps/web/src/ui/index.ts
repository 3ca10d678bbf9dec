// Small shared building blocks with no domain knowledge.
export { Dialog } from './Dialog.js';
export { Notice, type NoticeTone } from './Notice.js';
export { GuaranteeBadge } from './GuaranteeBadge.js';
export { StatusBadge } from './StatusBadge.js';
export { timeAgo } from './time.js';
export { downloadText, isTyping } from './dom.js';
