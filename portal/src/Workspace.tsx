import type { ReactNode } from 'react';
import { App as AntApp } from 'antd';

/**
 * What the pages of signed-in users share and the public pages do without: antd's App (the
 * context of its messages, notifications and modals). A chunk of its own, loaded with those pages.
 */
export default function Workspace({ children }: { children: ReactNode }) {
  return <AntApp>{children}</AntApp>;
}
