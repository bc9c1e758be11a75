import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { OrganiseAssemblyPage } from './OrganiseAssemblyPage.tsx';
import { OrganiseOpenPage } from './OrganiseOpenPage.tsx';
import { OrganisePage } from './OrganisePage.tsx';

// The members' page (names, contact details, demographics, cards) is a chunk of its own.
const MembersPage = lazy(() => import('../members/MembersPage.tsx'));

// The home page's list of listed assemblies loads with this chunk, so the watch page's chunks
// (on a size budget) are split around one lazily loaded part of the app, not two.
export { default as ListedAssemblies } from './ListedAssemblies.tsx';

/** `/organise/*`: the organisers' pages, one lazily loaded chunk (a default export for `lazy`). */
export default function OrganiseRoutes() {
  return (
    <Routes>
      <Route index element={<OrganisePage />} />
      <Route path="open" element={<OrganiseOpenPage />} />
      <Route path=":assemblyId" element={<OrganiseAssemblyPage />} />
      <Route path=":assemblyId/members" element={<MembersPage />} />
    </Routes>
  );
}
