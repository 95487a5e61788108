import './long-off.js';
import { pushtrace } from '../gen/pushtrace.js';

export const pb = pushtrace.v1;

export type Envelope = pushtrace.v1.Envelope;
export type Hello = pushtrace.v1.Hello.$Properties;
export type Welcome = pushtrace.v1.Welcome.$Properties;
export type Checkin = pushtrace.v1.Checkin.$Properties;
export type HostInfo = pushtrace.v1.HostInfo.$Properties;
export type NetInterface = pushtrace.v1.NetInterface.$Properties;
export type ProcessInfo = pushtrace.v1.ProcessInfo.$Properties;
export type NetconnBatch = pushtrace.v1.NetconnBatch.$Properties;
export type NetconnEvent = pushtrace.v1.NetconnEvent.$Properties;
export type ExternalIpObservation = pushtrace.v1.ExternalIpObservation.$Properties;
export type SpoolDropReport = pushtrace.v1.SpoolDropReport.$Properties;
export type Ack = pushtrace.v1.Ack.$Properties;
export type ErrorNotice = pushtrace.v1.ErrorNotice.$Properties;
export type Command = pushtrace.v1.Command.$Properties;
export type CommandResult = pushtrace.v1.CommandResult.$Properties;
/** Status codes of a CommandResult; values as in pushtrace.proto. */
export const CommandStatus = pushtrace.v1.CommandStatus;
export type CommandStatus = pushtrace.v1.CommandStatus;
/** Same type as CommandStatus, for code that prefers a distinct name. */
export type CommandStatusValue = pushtrace.v1.CommandStatus;
