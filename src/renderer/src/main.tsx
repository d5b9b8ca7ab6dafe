/** The window's entry: the query client, the error boundary, the app. */
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ErrorBoundary } from './app/ErrorBoundary'
import { reportErrorsToMain } from './app/error-reporting'
import { createQueryClient } from './lib/query-client'
import './styles.css'

const queryClient = createQueryClient()

reportErrorsToMain()

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>
)
