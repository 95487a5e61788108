// The detector's summary reads must stay index range seeks whatever the
// table holds (they run for every burst and every late batch): SQLite's
// plans for them, on a migrated store file.
import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_COUNTS_SQL, ENDPOINT_SESSIONS_SQL, OPENINGS_SQL, PROCESS_FIRST_OPENED_SQL, PROCESS_START_SQL, SENSOR_FIRST_OPENED_SQL,
} from '../src/store/sqlite/session-summary.js';
import { usePlanDb } from './plan-db.js';

const { plan } = usePlanDb({ sensorId: 1, fromMs: 0, toMs: 1, processGuid: 'g', remoteIp: '10.1.2.3', remotePort: 22 });
const RANGE = '(sensor_id=? AND opened_at_ms>? AND opened_at_ms<?)';
const PROCESS_RANGE = '(sensor_id=? AND process_guid=? AND opened_at_ms>? AND opened_at_ms<?)';

describe('detector summary reads: query plans', () => {
  it('counts a range of one sensor from the index alone, grouping only what the range holds', () => {
    expect(plan(ENDPOINT_COUNTS_SQL)).toEqual([`SEARCH netconns USING COVERING INDEX netconns_sensor_opened ${RANGE}`, 'USE TEMP B-TREE FOR GROUP BY']);
  });

  it('lists openings and finds first openings with range seeks, sorting at most same-millisecond ties', () => {
    expect(plan(OPENINGS_SQL)).toEqual([`SEARCH netconns USING COVERING INDEX netconns_sensor_opened ${RANGE}`, 'USE TEMP B-TREE FOR LAST TERM OF ORDER BY']);
    expect(plan(SENSOR_FIRST_OPENED_SQL)).toEqual([`SEARCH netconns USING COVERING INDEX netconns_sensor_opened ${RANGE}`]);
    expect(plan(PROCESS_FIRST_OPENED_SQL)).toEqual([`SEARCH netconns USING INDEX netconns_process ${PROCESS_RANGE}`]);
  });

  it('reads one process\'s sessions to one endpoint on (sensor_id, process_guid, opened_at_ms), and its start by key', () => {
    expect(plan(ENDPOINT_SESSIONS_SQL)).toEqual([
      `SEARCH n USING INDEX netconns_process ${PROCESS_RANGE}`,
      expect.stringMatching(/^SEARCH p USING INDEX sqlite_autoindex_processes_1 \(sensor_id=\? AND process_guid=\?\)( LEFT-JOIN)?$/),
    ]);
    expect(plan(PROCESS_START_SQL)).toEqual(['SEARCH processes USING INDEX sqlite_autoindex_processes_1 (sensor_id=? AND process_guid=?)']);
  });
});
