import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, PROTOCOL_VERSION, pb } from '../src/index.js';

describe('envelope codec', () => {
  it('round-trips a body and keeps 64-bit fields as plain numbers', () => {
    const seq = 2 ** 40 + 3;
    const sentAtMs = 1_795_000_000_123;
    const bytes = encodeEnvelope({
      sensorId: 7,
      seq,
      sentAtMs,
      netconnBatch: {
        sampledAtMs: sentAtMs,
        events: [{ kind: pb.NetconnEvent.Kind.OPEN, remoteIp: '127.0.0.1', remotePort: 22, firstSeenMs: sentAtMs }],
      },
    });
    const envelope = decodeEnvelope(bytes);
    expect(envelope.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(envelope.body).toBe('netconnBatch');
    expect(envelope.seq).toBe(seq);
    expect(typeof envelope.sentAtMs).toBe('number');
    expect(envelope.netconnBatch?.events?.[0]?.remotePort).toBe(22);
    expect(envelope.netconnBatch?.events?.[0]?.firstSeenMs).toBe(sentAtMs);
  });

  it('rejects bytes that are not an Envelope with a stable code', () => {
    expect(() => decodeEnvelope(new TextEncoder().encode('not protobuf at all')))
      .toThrow(expect.objectContaining({ code: 'PROTO_E_UNDECODABLE' }));
  });

  it('rejects an Envelope without a body', () => {
    const bytes = pb.Envelope.encode(pb.Envelope.create({ protocolVersion: 1, seq: 1 })).finish();
    expect(() => decodeEnvelope(bytes)).toThrow(expect.objectContaining({ code: 'PROTO_E_NO_BODY' }));
  });
});

describe('64-bit defaults', () => {
  it('decodes an absent seq and time as the number 0, not a Long', () => {
    const envelope = decodeEnvelope(encodeEnvelope({ checkin: { nextCheckinAtMs: 5 } }));
    expect(envelope.seq).toBe(0);
    expect(envelope.sentAtMs).toBe(0);
    expect(envelope.checkin?.spoolQueuedBytes).toBe(0);
    const welcome = pb.Welcome.decode(pb.Welcome.encode({ sensorId: 1 }).finish());
    expect(welcome.lastStoredSeq).toBe(0);
  });
});
