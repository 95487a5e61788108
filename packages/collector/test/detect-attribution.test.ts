import { describe, expect, it } from 'vitest';
import { attributeBurst } from '../src/detect/attribution.js';
import { findBursts } from '../src/detect/bursts.js';
import { MIN_SCORE } from '../src/detect/candidate-scores.js';
import type { Burst, SessionRecord } from '../src/detect/types.js';
import { CollectorError } from '../src/errors.js';
import {
  CONFIG, DAY, HOUR, LAPTOP, MACBOOK, MIN, OUTSIDE_IP, PUSH_TIMES, T0, WINSCP_LAGS,
  browserSessions, push, session, sighting, winscpSessions, winscpStory,
} from './detect-fixtures.js';

function onlyBurst(pushes: Parameters<typeof findBursts>[0]): Burst {
  const bursts = findBursts(pushes, CONFIG);
  expect(bursts).toHaveLength(1);
  return bursts[0]!;
}

describe('attributeBurst: a sensor that only just started watching', () => {
  it('does not name a long-running busy process whose quiet-looking past the agent never saw', () => {
    // The agent started 2 minutes before the burst (its first sighting and
    // first sessions are then); the browser has run for two days, busy all
    // along, but only its last minutes were reported. Its days of "no
    // sessions" are missing data, not quiet.
    const agentStart = T0 - 2 * MIN;
    const browser = browserSessions({ endpoints: 1, fromMs: agentStart });
    const pushes = PUSH_TIMES.map((t) => push(t));
    const draft = attributeBurst(onlyBurst(pushes), [sighting({ fromMs: agentStart })], browser, CONFIG);
    expect(draft.verdict).toBe('sensor-no-process');
    // Control: the same data with the sensor said to be watching for hours
    // makes the browser look silent until just before the burst, and it is
    // named — so it is the watch start alone that keeps it from being named.
    const watchedLong = attributeBurst(onlyBurst(pushes), [sighting()], browser, CONFIG);
    expect(watchedLong.verdict).toBe('reconnect-loop');
  });
});

describe('attributeBurst: the write-up', () => {
  it('names the stale WinSCP session, with a busy browser beside it', () => {
    const story = winscpStory();
    // The browser really is busy, and always nearer to each push than WinSCP.
    const browser = story.sessions.filter((s) => s.processGuid === 'g-chrome');
    expect(browser.length).toBeGreaterThan(3_000);
    for (const t of PUSH_TIMES) {
      const nearest = story.sessions.filter((s) => s.openedAtMs <= t).sort((a, b) => b.openedAtMs - a.openedAtMs)[0]!;
      expect(nearest.processGuid).toBe('g-chrome');
    }

    const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, story.sessions, CONFIG);

    expect(draft).toMatchObject({
      verdict: 'reconnect-loop', severity: 'low', user: 'jdoe', application: 'api-prod', access_ip: LAPTOP.ip,
      pushes_total: 5, pushes_aligned: 5, first_push: new Date(PUSH_TIMES[0]!).toISOString(), last_push: new Date(PUSH_TIMES[4]!).toISOString(),
      sensor_id: LAPTOP.sensorId, hostname: LAPTOP.hostname,
      process: { name: 'WinSCP.exe', pid: 24548, path: 'c:\\program files (x86)\\winscp\\winscp.exe', start_time: '2015-06-08T13:11:16.016Z', sha256: 'a'.repeat(64) },
      destination: { ip: '10.1.2.3', port: 22 },
      candidates: [],
    });
    expect(draft.evidence).toEqual(PUSH_TIMES.map((t, i) => ({
      push_time: new Date(t).toISOString(), result: i === 1 || i === 3 ? 'fraud' : 'denied',
      session_opened_at: new Date(t - WINSCP_LAGS[i]!).toISOString(), lag_ms: WINSCP_LAGS[i],
    })));
    expect(draft.advice).toBe(
      `WinSCP.exe (pid 24548, running 7 days) on ${LAPTOP.hostname} reopens a session to 10.1.2.3:22 after each drop, ` +
      'and each new session asks its user for MFA. Close the stale session or turn off its automatic reconnect.');
  });

  it('names WinSCP over a process polling one host every ~5 s (nearest to every push, one endpoint, judged on its rate)', () => {
    const story = winscpStory();
    const poller: SessionRecord[] = [];
    for (let t = T0 - HOUR - 5 * MIN, i = 0; t < T0 + 6 * MIN; t += 4_500 + ((i++ * 379) % 1_000)) {
      poller.push(session(t, { processGuid: 'g-onedrive', pid: 5100, processName: 'OneDrive.exe', remoteIp: '13.107.42.12', remotePort: 443, processStartMs: T0 - DAY, closedAtMs: t + 700 }));
    }
    const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, [...winscpSessions(), ...poller], CONFIG);
    expect(draft).toMatchObject({ verdict: 'reconnect-loop', pushes_aligned: 5, process: { name: 'WinSCP.exe' } });
    // Alone, the poller lines up with every push and still names nobody.
    expect(attributeBurst(onlyBurst(story.pushes), story.sightings, poller, CONFIG).verdict).toBe('sensor-no-process');
  });

  it('still names WinSCP when the browser talks to a thousand hosts and starts just before the burst', () => {
    const story = winscpStory();
    const sessions = [...winscpSessions(), ...browserSessions({ endpoints: 1_000, seed: 99, fromMs: T0 - 2 * MIN })];
    const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, sessions, CONFIG);
    expect(draft.verdict).toBe('reconnect-loop');
    expect(draft.process?.name).toBe('WinSCP.exe');
  });

  it('does not name the busy browser when WinSCP is not there (sensor-no-process), whatever the seed', () => {
    const story = winscpStory();
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const endpoints of [20, 200, 2_000]) {
        const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, browserSessions({ endpoints, seed }), CONFIG);
        expect({ seed, endpoints, verdict: draft.verdict }).toEqual({ seed, endpoints, verdict: 'sensor-no-process' });
      }
    }
  });

  it('says so when the process lines up but does not form a reconnect loop (overlapping sessions)', () => {
    const story = winscpStory();
    // Each session stays open across the next one: not a reconnect, but still the only process lining up.
    const sessions = PUSH_TIMES.map((t, i) => session(t - WINSCP_LAGS[i]!, { closedAtMs: t + 10 * MIN, processName: 'rsync', pid: 311, processStartMs: T0 - 3 * HOUR }));
    const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, sessions, CONFIG);
    expect(draft.verdict).toBe('reconnect-loop');
    expect(draft.advice).toContain('rsync (pid 311, running 3 hours) on WIN-7F3K2Q opened a new session to 10.1.2.3:22 shortly before 5 of the 5 pushes');
    expect(draft.advice).not.toContain('after each drop');
  });
});

describe('attributeBurst: verdicts', () => {
  it('unattributed (high) when no sensor held the push IP, with the IP and what to do', () => {
    const pushes = [T0, T0 + MIN, T0 + 2 * MIN].map((t) => push(t, { accessIp: OUTSIDE_IP }));
    const story = winscpStory();
    const draft = attributeBurst(onlyBurst(pushes), story.sightings, story.sessions, CONFIG);
    expect(draft).toMatchObject({
      verdict: 'unattributed', severity: 'high', access_ip: OUTSIDE_IP, pushes_total: 3, pushes_aligned: 0,
      sensor_id: null, hostname: null, process: null, destination: null, candidates: [],
    });
    expect(draft.evidence.every((e) => e.session_opened_at === null && e.lag_ms === null)).toBe(true);
    expect(draft.advice).toContain(OUTSIDE_IP);
    expect(draft.advice).toMatch(/password/);
    expect(draft.advice).toMatch(/revoke/);
    expect(draft.advice).toMatch(/page on-call/);
  });

  it('unattributed when the laptop held the IP, but not at the time of the pushes', () => {
    const story = winscpStory();
    const sightings = [sighting({ fromMs: T0 - 5 * HOUR, toMs: T0 - HOUR })];
    expect(attributeBurst(onlyBurst(story.pushes), sightings, story.sessions, CONFIG).verdict).toBe('unattributed');
  });

  it('an approval from the office in the middle of an outside burst does not pull in the office laptop, and is flagged', () => {
    const pushes = [
      ...[T0, T0 + MIN, T0 + 2 * MIN].map((t) => push(t, { accessIp: OUTSIDE_IP })),
      push(T0 + 90_000, { result: 'success', accessIp: LAPTOP.ip }),
    ];
    const story = winscpStory();
    const draft = attributeBurst(onlyBurst(pushes), story.sightings, story.sessions, CONFIG);
    expect(draft.verdict).toBe('unattributed');
    expect(draft.pushes_total).toBe(4);
    expect(draft.evidence.map((e) => e.result)).toEqual(['denied', 'denied', 'success', 'denied']);
    expect(draft.advice).toContain('1 push was approved during the burst (2015-06-15T20:05:30.000Z): treat the account as compromised now.');
  });

  it('unattributed when the log gave no access IP', () => {
    const pushes = [T0, T0 + MIN, T0 + 2 * MIN].map((t) => push(t, { accessIp: null }));
    const draft = attributeBurst(onlyBurst(pushes), winscpStory().sightings, winscpStory().sessions, CONFIG);
    expect(draft).toMatchObject({ verdict: 'unattributed', access_ip: null });
    expect(draft.advice).toContain('no access IP');
  });

  it('sensor-no-process (medium) when the sensor matched but nothing lines up, naming the sensor', () => {
    const story = winscpStory();
    // WinSCP's sessions are an hour early: the laptop held the IP, but nothing on it precedes the pushes.
    const early = winscpSessions().map((s) => ({ ...s, openedAtMs: s.openedAtMs - HOUR, closedAtMs: s.closedAtMs! - HOUR }));
    const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, early, CONFIG);
    expect(draft).toMatchObject({
      verdict: 'sensor-no-process', severity: 'medium', sensor_id: LAPTOP.sensorId, hostname: LAPTOP.hostname,
      process: null, destination: null, pushes_aligned: 0, candidates: [],
    });
    expect(draft.advice).toContain(`Sensor ${LAPTOP.sensorId} (${LAPTOP.hostname}) held ${LAPTOP.ip}`);
    expect(draft.advice).toContain(`sensor_id:${LAPTOP.sensorId}`);
  });

  it('sensor-no-process lists every sensor behind a shared IP, and names none in sensor_id', () => {
    const story = winscpStory();
    const sightings = [sighting(), sighting({ sensorId: MACBOOK.sensorId, hostname: MACBOOK.hostname })];
    const draft = attributeBurst(onlyBurst(story.pushes), sightings, [], CONFIG);
    expect(draft).toMatchObject({ verdict: 'sensor-no-process', sensor_id: null, hostname: null });
    expect(draft.advice).toContain(`Sensor ${LAPTOP.sensorId} (${LAPTOP.hostname}) and sensor ${MACBOOK.sensorId} (${MACBOOK.hostname})`);
    expect(draft.advice).toContain('NAT');
  });

  it('ambiguous (medium) when two processes reconnect in lockstep, listing both', () => {
    const story = winscpStory();
    const filezilla = winscpSessions({ processGuid: 'g-filezilla', pid: 9000, processName: 'filezilla.exe', processPath: 'c:\\fz\\filezilla.exe', remoteIp: '10.9.9.9', remotePort: 21 });
    const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, [...story.sessions, ...filezilla], CONFIG);
    expect(draft).toMatchObject({
      verdict: 'ambiguous', severity: 'medium', process: null, destination: null, pushes_aligned: 5,
      sensor_id: LAPTOP.sensorId, hostname: LAPTOP.hostname,
    });
    // Equal scores: listed in a fixed identity order (sensor, then process GUID).
    expect(draft.candidates.map((c) => [c.process.name, c.destination, c.pushes_aligned])).toEqual([
      ['filezilla.exe', { ip: '10.9.9.9', port: 21 }, 5],
      ['WinSCP.exe', { ip: '10.1.2.3', port: 22 }, 5],
    ]);
    expect(draft.candidates[0]!.score).toBe(draft.candidates[1]!.score);
    expect(draft.candidates[0]!.score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(draft.advice).toContain('WinSCP.exe (pid 24548, running 7 days) on WIN-7F3K2Q → 10.1.2.3:22 (5 of 5 pushes)');
    expect(draft.advice).toContain('filezilla.exe (pid 9000, running 7 days) on WIN-7F3K2Q → 10.9.9.9:21 (5 of 5 pushes)');
    expect(draft.evidence.every((e) => e.session_opened_at === null)).toBe(true);
  });

  it('not ambiguous when the rival is the same process on another endpoint', () => {
    const story = winscpStory();
    const second = winscpSessions({ remoteIp: '10.1.2.4' });
    const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, [...story.sessions, ...second], CONFIG);
    expect(draft.verdict).toBe('reconnect-loop');
    expect(draft.process?.name).toBe('WinSCP.exe');
  });

  it('a clear winner beats a same-rate rival that lines up with fewer pushes', () => {
    const story = winscpStory();
    const rival = winscpSessions({ processGuid: 'g-other', pid: 77, processName: 'other.exe', remoteIp: '10.9.9.9' })
      .filter((s) => s.openedAtMs !== PUSH_TIMES[2]! - WINSCP_LAGS[2]!)
      .concat(session(T0 - 30 * MIN, { processGuid: 'g-other', pid: 77, processName: 'other.exe', remoteIp: '10.9.9.9' }));
    const draft = attributeBurst(onlyBurst(story.pushes), story.sightings, [...story.sessions, ...rival], CONFIG);
    expect(draft).toMatchObject({ verdict: 'reconnect-loop', process: { name: 'WinSCP.exe' } });
  });

  it('a fraud report alone is a burst; from outside it is unattributed', () => {
    const bursts = findBursts([push(T0, { result: 'fraud', accessIp: OUTSIDE_IP })], CONFIG);
    expect(bursts).toHaveLength(1);
    const draft = attributeBurst(bursts[0]!, winscpStory().sightings, winscpStory().sessions, CONFIG);
    expect(draft).toMatchObject({ verdict: 'unattributed', severity: 'high', pushes_total: 1, first_push: draft.last_push });
  });

  it('a lone fraud report from the laptop is one coincidence: not enough to name a process', () => {
    const bursts = findBursts([push(PUSH_TIMES[0]!, { result: 'fraud' })], CONFIG);
    const draft = attributeBurst(bursts[0]!, winscpStory().sightings, winscpStory().sessions, CONFIG);
    expect(draft.verdict).toBe('sensor-no-process');
  });

  it('a lone push can be attributed when the process is quiet enough over a long baseline', () => {
    const bursts = findBursts([push(PUSH_TIMES[0]!, { result: 'fraud' })], CONFIG);
    const config = { ...CONFIG, baselineMs: 7 * DAY };
    const draft = attributeBurst(bursts[0]!, [sighting({ fromMs: T0 - 8 * DAY })], winscpSessions(), config);
    expect(draft).toMatchObject({ verdict: 'reconnect-loop', pushes_aligned: 1, process: { name: 'WinSCP.exe' } });
  });

  it('matches an interface IP, and IPv6 written two ways', () => {
    const story = winscpStory();
    const v6pushes = PUSH_TIMES.map((t) => push(t, { accessIp: '2001:DB8:0:0:0:0:0:7' }));
    const v6sightings = [sighting({ ip: '2001:db8::7', kind: 'interface' })];
    const draft = attributeBurst(onlyBurst(v6pushes), v6sightings, story.sessions, CONFIG);
    expect(draft).toMatchObject({ verdict: 'reconnect-loop', access_ip: '2001:db8::7', destination: { ip: '10.1.2.3', port: 22 } });
    const mapped = PUSH_TIMES.map((t) => push(t, { accessIp: `::ffff:${LAPTOP.ip}` }));
    expect(attributeBurst(onlyBurst(mapped), story.sightings, story.sessions, CONFIG).access_ip).toBe(LAPTOP.ip);
  });

  it('access IP: the most frequent, ties to the smallest; sessions count only on the sensor that held each push IP', () => {
    const pushes = [push(T0, { accessIp: '198.51.100.9' }), push(T0 + MIN, { accessIp: LAPTOP.ip }), push(T0 + 2 * MIN, { accessIp: '198.51.100.9' }), push(T0 + 3 * MIN, { accessIp: LAPTOP.ip })];
    const draft = attributeBurst(onlyBurst(pushes), [], [], CONFIG);
    expect(draft.access_ip).toBe('198.51.100.7');
    // The laptop held only its own IP: pushes from .9 cannot line up with its sessions.
    const sessions = pushes.map((p) => session(p.timeMs - 20_000, { closedAtMs: p.timeMs + 1_000 }));
    const partial = attributeBurst(onlyBurst(pushes), [sighting()], sessions, { ...CONFIG, baselineMs: 6 * HOUR });
    expect(partial.verdict).toBe('reconnect-loop');
    expect(partial.pushes_aligned).toBe(2);
    expect(partial.evidence.map((e) => e.lag_ms)).toEqual([null, 20_000, null, 20_000]);
  });
});

describe('attributeBurst: scoring robustness', () => {
  it('a process started a minute before the burst, opening a session every 30 s, is not credible', () => {
    const story = winscpStory();
    const chatty: SessionRecord[] = [];
    for (let t = T0 - MIN; t < T0 + 5 * MIN; t += 30_000) chatty.push(session(t, { processGuid: 'g-sync', processName: 'sync.exe', processStartMs: T0 - MIN - 1_000, closedAtMs: t + 1_000 }));
    expect(attributeBurst(onlyBurst(story.pushes), story.sightings, chatty, CONFIG).verdict).toBe('sensor-no-process');
  });

  it('the same chatty process, had it been quiet for the hour before, would not be judged on the hour it was not running', () => {
    const story = winscpStory();
    // Unknown start: it existed at least since its first session; the baseline starts there.
    const chatty: SessionRecord[] = [];
    for (let t = T0 - MIN; t < T0 + 5 * MIN; t += 30_000) chatty.push(session(t, { processGuid: 'g-sync', processName: '', processPath: 'c:\\s\\sync.exe', processStartMs: null, closedAtMs: t + 1_000 }));
    expect(attributeBurst(onlyBurst(story.pushes), story.sightings, chatty, CONFIG).verdict).toBe('sensor-no-process');
  });

  it('one session cannot explain a whole cluster of pushes', () => {
    const pushes = [0, 1_000, 2_000, 3_000, 4_000].map((d) => push(T0 + d));
    const draft = attributeBurst(onlyBurst(pushes), [sighting()], [session(T0 - 20_000)], CONFIG);
    expect(draft.verdict).toBe('sensor-no-process');
  });

  it('rejects bad input naming the field', () => {
    const story = winscpStory();
    const burst = onlyBurst(story.pushes);
    const bad = [...story.sessions.slice(0, 3), { ...story.sessions[3]!, openedAtMs: Number.NaN }];
    expect(() => attributeBurst(burst, story.sightings, bad, CONFIG)).toThrow(CollectorError);
    expect(() => attributeBurst(burst, story.sightings, bad, CONFIG)).toThrow(/sessions\[3\]\.openedAtMs/);
    expect(() => attributeBurst({ ...burst, pushes: [] }, story.sightings, story.sessions, CONFIG)).toThrow(/no pushes/);
    try {
      attributeBurst(burst, story.sightings, story.sessions, { ...CONFIG, alignBeforeMs: -1 });
      expect.unreachable();
    } catch (err) {
      expect((err as CollectorError).code).toBe('COLLECTOR_E_CONFIG');
      expect((err as CollectorError).message).toContain('alignBeforeMs');
    }
  });
});
