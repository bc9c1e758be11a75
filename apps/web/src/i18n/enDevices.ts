/** "Your devices" in the header menu of every seat holder (loaded with the assembly page). Welsh: `cyDevices.ts`. */
export const enDevices = {
  devices: {
    heading: 'Your devices',
    hint: 'Every browser where you opened your invite. Sign out one you no longer use or do not recognise.',
    loading: 'Loading your devices…',
    thisDevice: 'This device',
    otherDevice: 'Another device',
    signedIn: 'Signed in {{when}}',
    lastSeen: 'Last connected {{when}}',
    neverSeen: 'Not connected since signing in',
    signOut: 'Sign out that device',
    signOutLabel: 'Sign out that device (signed in {{when}})',
    signedOut: 'That device is signed out.',
    onlyThis: 'You are signed in on this device only.',
  },
};
