import { lazy } from 'react';

// The organisers' chunk, loaded from one place: its pages, and the home page's list of listed
// assemblies. One dynamic import keeps the chunks the watch page shares (it has a size budget)
// as they were.
const load = () => import('./OrganiseRoutes.tsx');
export const OrganiseRoutes = lazy(load);
export const ListedAssemblies = lazy(() => load().then((m) => ({ default: m.ListedAssemblies })));
