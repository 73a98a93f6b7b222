// Public API of @cited/ui. Components are added here as they land; consumers import only
// from '@cited/ui' and '@cited/ui/theme' (see the exports map), never by deep path.
export { vars } from './theme/contract.css';
