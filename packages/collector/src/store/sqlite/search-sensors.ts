import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';
import type { SensorColumn } from '../../query/sensor-query.js';
import type { SensorSearch } from '../store.js';
import { ESCAPE, ipSql, likePattern, numberSql, registerSearchFunctions, renderPredicate, textSql, timeSql, type LeafTest, type Sql } from './search-sql.js';

const TEXT_COLUMNS: Partial<Record<SensorColumn, string>> = {
  hostname: 's.hostname', os_platform: 's.os_platform', os_version: 's.os_version',
};

function leaf(test: LeafTest<SensorColumn>): Sql {
  switch (test.op) {
    case 'text': {
      if (test.column === 'username') {
        // logged_in_users is a JSON array of names; PostgreSQL: jsonb_array_elements_text.
        return {
          text: `EXISTS (SELECT 1 FROM json_each(s.logged_in_users) u WHERE u.value LIKE ? ${ESCAPE})`,
          params: [likePattern(test.parts)],
        };
      }
      const expr = TEXT_COLUMNS[test.column];
      if (expr === undefined) throw wrongColumn(test.column);
      return textSql(expr, test.parts);
    }
    case 'number':
      if (test.column !== 'sensor_id') throw wrongColumn(test.column);
      return numberSql('s.id', test.min, test.max);
    case 'time':
      if (test.column !== 'last_checkin') throw wrongColumn(test.column);
      // The collector's own clock: no sensor offset; never checked in matches no time.
      return timeSql('s.last_checkin_ms', test.min, test.max, { nullable: true });
    case 'ip': {
      if (test.column !== 'ipaddr') throw wrongColumn(test.column);
      // IP history is short per sensor and its text only normalised (not
      // canonical IPv6), so no text pre-filter: the exact test on each row.
      const inHistory = ipSql('h.ip', test.network, { textRange: false });
      return { text: `EXISTS (SELECT 1 FROM ip_history h WHERE h.sensor_id = s.id AND ${inHistory.text})`, params: inHistory.params };
    }
  }
}

function wrongColumn(name: string): CollectorError {
  return new CollectorError('COLLECTOR_E_INTERNAL', `searchSensors: predicate uses ${name} in a way the SQLite store does not render`);
}

/** The ids of the sensors a search matches, ascending. */
export function sensorSearchSql(search: SensorSearch): Sql {
  const where = renderPredicate(search.where, null, leaf);
  return { text: `SELECT s.id FROM sensors s WHERE ${where.text} ORDER BY s.id`, params: where.params };
}

/** Returns the sensor-id half of searchSensors for one database; the store reads the rows as listSensors does. */
export function makeSensorSearcher(db: Database.Database): (search: SensorSearch) => number[] {
  registerSearchFunctions(db);
  return (search) => {
    const sql = sensorSearchSql(search);
    return db.prepare(sql.text).pluck().all(...sql.params) as number[];
  };
}
