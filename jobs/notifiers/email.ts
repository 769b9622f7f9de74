// Email over SMTP (nodemailer is the transport): a plain-text mail per message.
import { messageText, messageTitle } from './message.ts';
import { defaultFromAddress, type Notifier } from './notifier.ts';

export const emailNotifier = {
  build(channel, message) {
    return {
      transport: 'smtp',
      smtpUrl: channel.smtpUrl,
      mail: {
        from: channel.from ?? defaultFromAddress,
        to: channel.to,
        subject: messageTitle(message),
        text: messageText(message),
      },
    };
  },
} satisfies Notifier<'email'>;
