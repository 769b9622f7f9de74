// A message the notifier tests share.
import type { Message } from '../../../jobs/notifiers/message.ts';

export const burnAlert: Message = {
  kind: 'alert',
  serviceId: 'shop',
  serviceName: 'Shop',
  name: 'availability_burn_page_1h',
  severity: 'page',
  status: 'firing',
  claimId: 'availability',
  summary: 'error budget of availability (99.9%) burning at 14.4× over 1 h and 172.8× over 5 min (alerts at 14.4×)',
  subject: 'availability_burn_page_1h:availability',
  startsAt: '2026-03-02T00:00:51.840Z',
  endsAt: null,
  details: null,
  repeat: false,
};
