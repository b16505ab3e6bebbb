// Where the app opens: the dashboard once there are orders to chart, else the customers page (its
// start screen when the database is empty).
import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Redirect } from 'wouter';
import { api } from '../../api/client';
import { keys } from '../../lib/query-keys';

export function StartPage() {
  const overview = useQuery({ queryKey: keys.overview, queryFn: () => api.app.overview.query() });
  if (overview.error) return <Redirect to="/customers" replace />;
  if (!overview.data)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  return <Redirect to={overview.data.orders > 0 ? '/dashboard' : '/customers'} replace />;
}
