/** Whether the signed-in workspace is the one in use (not behind the sign-in screen). */
import { createContext, useContext } from 'react'

/** False while the session is gone and the workspace waits, hidden, behind the sign-in screen. */
export const WorkspaceActive = createContext(true)
export const useWorkspaceActive = () => useContext(WorkspaceActive)
