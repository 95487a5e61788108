import { DnsResponder } from '@pushtrace/collector';

export { DnsResponder, MYIP_NAME } from '@pushtrace/collector';
export type { DnsResponderOptions, ReceivedQuery } from '@pushtrace/collector';

/** A started responder answering myip.opendns.com with `ip`. */
export async function startDns(ip: string): Promise<DnsResponder> {
  const responder = new DnsResponder({ ip });
  await responder.start();
  return responder;
}
