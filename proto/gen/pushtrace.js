/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const pushtrace = $root.pushtrace = (() => {

    /**
     * Namespace pushtrace.
     * @exports pushtrace
     * @namespace
     */
    const pushtrace = {};

    pushtrace.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof pushtrace
         * @namespace
         */
        const v1 = {};

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} pushtrace.v1.Envelope.$Properties
             * @property {number|null} [protocolVersion] Envelope protocolVersion
             * @property {number|null} [sensorId] Envelope sensorId
             * @property {number|null} [seq] Envelope seq
             * @property {number|null} [sentAtMs] Envelope sentAtMs
             * @property {pushtrace.v1.Hello.$Properties|null} [hello] Envelope hello
             * @property {pushtrace.v1.Welcome.$Properties|null} [welcome] Envelope welcome
             * @property {pushtrace.v1.Checkin.$Properties|null} [checkin] Envelope checkin
             * @property {pushtrace.v1.HostInfo.$Properties|null} [hostInfo] Envelope hostInfo
             * @property {pushtrace.v1.ProcessInfo.$Properties|null} [processInfo] Envelope processInfo
             * @property {pushtrace.v1.NetconnBatch.$Properties|null} [netconnBatch] Envelope netconnBatch
             * @property {pushtrace.v1.ExternalIpObservation.$Properties|null} [externalIp] Envelope externalIp
             * @property {pushtrace.v1.SpoolDropReport.$Properties|null} [spoolDrops] Envelope spoolDrops
             * @property {pushtrace.v1.Ack.$Properties|null} [ack] Envelope ack
             * @property {pushtrace.v1.ErrorNotice.$Properties|null} [error] Envelope error
             * @property {pushtrace.v1.Command.$Properties|null} [command] Envelope command
             * @property {pushtrace.v1.CommandResult.$Properties|null} [commandResult] Envelope commandResult
             * @property {"hello"|"welcome"|"checkin"|"hostInfo"|"processInfo"|"netconnBatch"|"externalIp"|"spoolDrops"|"ack"|"error"|"command"|"commandResult"} [body] Envelope body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof pushtrace.v1
             * @interface IEnvelope
             * @augments pushtrace.v1.Envelope.$Properties
             * @deprecated Use pushtrace.v1.Envelope.$Properties instead.
             */

            /**
             * Narrowed shape of an Envelope.
             * @typedef {{
             *   protocolVersion?: number|null;
             *   sensorId?: number|null;
             *   seq?: number|null;
             *   sentAtMs?: number|null;
             *   hello?: pushtrace.v1.Hello.$Shape|null;
             *   welcome?: pushtrace.v1.Welcome.$Shape|null;
             *   checkin?: pushtrace.v1.Checkin.$Shape|null;
             *   hostInfo?: pushtrace.v1.HostInfo.$Shape|null;
             *   processInfo?: pushtrace.v1.ProcessInfo.$Shape|null;
             *   netconnBatch?: pushtrace.v1.NetconnBatch.$Shape|null;
             *   externalIp?: pushtrace.v1.ExternalIpObservation.$Shape|null;
             *   spoolDrops?: pushtrace.v1.SpoolDropReport.$Shape|null;
             *   ack?: pushtrace.v1.Ack.$Shape|null;
             *   error?: pushtrace.v1.ErrorNotice.$Shape|null;
             *   command?: pushtrace.v1.Command.$Shape|null;
             *   commandResult?: pushtrace.v1.CommandResult.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "hello"; hello: pushtrace.v1.Hello.$Shape; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "welcome"; hello?: null; welcome: pushtrace.v1.Welcome.$Shape; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "checkin"; hello?: null; welcome?: null; checkin: pushtrace.v1.Checkin.$Shape; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "hostInfo"; hello?: null; welcome?: null; checkin?: null; hostInfo: pushtrace.v1.HostInfo.$Shape; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "processInfo"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo: pushtrace.v1.ProcessInfo.$Shape; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "netconnBatch"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch: pushtrace.v1.NetconnBatch.$Shape; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "externalIp"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp: pushtrace.v1.ExternalIpObservation.$Shape; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "spoolDrops"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops: pushtrace.v1.SpoolDropReport.$Shape; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "ack"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack: pushtrace.v1.Ack.$Shape; error?: null; command?: null; commandResult?: null }|{ body?: "error"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error: pushtrace.v1.ErrorNotice.$Shape; command?: null; commandResult?: null }|{ body?: "command"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command: pushtrace.v1.Command.$Shape; commandResult?: null }|{ body?: "commandResult"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult: pushtrace.v1.CommandResult.$Shape })
             * )} pushtrace.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof pushtrace.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {pushtrace.v1.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope protocolVersion.
             * @member {number} protocolVersion
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.protocolVersion = 0;

            /**
             * Envelope sensorId.
             * @member {number} sensorId
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.sensorId = 0;

            /**
             * Envelope seq.
             * @member {number} seq
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Envelope sentAtMs.
             * @member {number} sentAtMs
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Envelope hello.
             * @member {pushtrace.v1.Hello.$Properties|null|undefined} hello
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.hello = null;

            /**
             * Envelope welcome.
             * @member {pushtrace.v1.Welcome.$Properties|null|undefined} welcome
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.welcome = null;

            /**
             * Envelope checkin.
             * @member {pushtrace.v1.Checkin.$Properties|null|undefined} checkin
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.checkin = null;

            /**
             * Envelope hostInfo.
             * @member {pushtrace.v1.HostInfo.$Properties|null|undefined} hostInfo
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.hostInfo = null;

            /**
             * Envelope processInfo.
             * @member {pushtrace.v1.ProcessInfo.$Properties|null|undefined} processInfo
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.processInfo = null;

            /**
             * Envelope netconnBatch.
             * @member {pushtrace.v1.NetconnBatch.$Properties|null|undefined} netconnBatch
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.netconnBatch = null;

            /**
             * Envelope externalIp.
             * @member {pushtrace.v1.ExternalIpObservation.$Properties|null|undefined} externalIp
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.externalIp = null;

            /**
             * Envelope spoolDrops.
             * @member {pushtrace.v1.SpoolDropReport.$Properties|null|undefined} spoolDrops
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.spoolDrops = null;

            /**
             * Envelope ack.
             * @member {pushtrace.v1.Ack.$Properties|null|undefined} ack
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.ack = null;

            /**
             * Envelope error.
             * @member {pushtrace.v1.ErrorNotice.$Properties|null|undefined} error
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.error = null;

            /**
             * Envelope command.
             * @member {pushtrace.v1.Command.$Properties|null|undefined} command
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.command = null;

            /**
             * Envelope commandResult.
             * @member {pushtrace.v1.CommandResult.$Properties|null|undefined} commandResult
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            Envelope.prototype.commandResult = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Envelope body.
             * @member {"hello"|"welcome"|"checkin"|"hostInfo"|"processInfo"|"netconnBatch"|"externalIp"|"spoolDrops"|"ack"|"error"|"command"|"commandResult"|undefined} body
             * @memberof pushtrace.v1.Envelope
             * @instance
             */
            $Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "welcome", "checkin", "hostInfo", "processInfo", "netconnBatch", "externalIp", "spoolDrops", "ack", "error", "command", "commandResult"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.Envelope
             * @static
             * @param {pushtrace.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: pushtrace.v1.Envelope.$Shape): pushtrace.v1.Envelope & pushtrace.v1.Envelope.$Shape;
             *   (properties?: pushtrace.v1.Envelope.$Properties): pushtrace.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link pushtrace.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.Envelope
             * @static
             * @param {pushtrace.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId") && message.sensorId !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.sensorId);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs") && (typeof message.sentAtMs === "object" ? message.sentAtMs.low || message.sentAtMs.high : message.sentAtMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.sentAtMs);
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.pushtrace.v1.Hello.encode(message.hello, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome"))
                    $root.pushtrace.v1.Welcome.encode(message.welcome, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.checkin != null && $Object.hasOwnProperty.call(message, "checkin"))
                    $root.pushtrace.v1.Checkin.encode(message.checkin, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.hostInfo != null && $Object.hasOwnProperty.call(message, "hostInfo"))
                    $root.pushtrace.v1.HostInfo.encode(message.hostInfo, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.processInfo != null && $Object.hasOwnProperty.call(message, "processInfo"))
                    $root.pushtrace.v1.ProcessInfo.encode(message.processInfo, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.netconnBatch != null && $Object.hasOwnProperty.call(message, "netconnBatch"))
                    $root.pushtrace.v1.NetconnBatch.encode(message.netconnBatch, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.externalIp != null && $Object.hasOwnProperty.call(message, "externalIp"))
                    $root.pushtrace.v1.ExternalIpObservation.encode(message.externalIp, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                if (message.spoolDrops != null && $Object.hasOwnProperty.call(message, "spoolDrops"))
                    $root.pushtrace.v1.SpoolDropReport.encode(message.spoolDrops, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                    $root.pushtrace.v1.Ack.encode(message.ack, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.pushtrace.v1.ErrorNotice.encode(message.error, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
                if (message.command != null && $Object.hasOwnProperty.call(message, "command"))
                    $root.pushtrace.v1.Command.encode(message.command, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                if (message.commandResult != null && $Object.hasOwnProperty.call(message, "commandResult"))
                    $root.pushtrace.v1.CommandResult.encode(message.commandResult, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link pushtrace.v1.Envelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.Envelope
             * @static
             * @param {pushtrace.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.Envelope & pushtrace.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sensorId = value;
                            else
                                delete message.sensorId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAtMs = value;
                            else
                                delete message.sentAtMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.pushtrace.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.welcome = $root.pushtrace.v1.Welcome.decode(reader, reader.size(), $undefined, _depth + 1, message.welcome);
                            message.body = "welcome";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.checkin = $root.pushtrace.v1.Checkin.decode(reader, reader.size(), $undefined, _depth + 1, message.checkin);
                            message.body = "checkin";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.hostInfo = $root.pushtrace.v1.HostInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.hostInfo);
                            message.body = "hostInfo";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.processInfo = $root.pushtrace.v1.ProcessInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.processInfo);
                            message.body = "processInfo";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.netconnBatch = $root.pushtrace.v1.NetconnBatch.decode(reader, reader.size(), $undefined, _depth + 1, message.netconnBatch);
                            message.body = "netconnBatch";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.externalIp = $root.pushtrace.v1.ExternalIpObservation.decode(reader, reader.size(), $undefined, _depth + 1, message.externalIp);
                            message.body = "externalIp";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.spoolDrops = $root.pushtrace.v1.SpoolDropReport.decode(reader, reader.size(), $undefined, _depth + 1, message.spoolDrops);
                            message.body = "spoolDrops";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.ack = $root.pushtrace.v1.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                            message.body = "ack";
                            continue;
                        }
                    case 19: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.pushtrace.v1.ErrorNotice.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.command = $root.pushtrace.v1.Command.decode(reader, reader.size(), $undefined, _depth + 1, message.command);
                            message.body = "command";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.commandResult = $root.pushtrace.v1.CommandResult.decode(reader, reader.size(), $undefined, _depth + 1, message.commandResult);
                            message.body = "commandResult";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Envelope & pushtrace.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof pushtrace.v1.Envelope
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId"))
                    if (!$util.isInteger(message.sensorId))
                        return "sensorId: integer expected";
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (!$util.isInteger(message.seq) && !(message.seq && $util.isInteger(message.seq.low) && $util.isInteger(message.seq.high)))
                        return "seq: integer|Long expected";
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (!$util.isInteger(message.sentAtMs) && !(message.sentAtMs && $util.isInteger(message.sentAtMs.low) && $util.isInteger(message.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.Hello.verify(message.hello, _depth + 1);
                        if (error)
                            return "hello." + error;
                    }
                }
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.Welcome.verify(message.welcome, _depth + 1);
                        if (error)
                            return "welcome." + error;
                    }
                }
                if (message.checkin != null && $Object.hasOwnProperty.call(message, "checkin")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.Checkin.verify(message.checkin, _depth + 1);
                        if (error)
                            return "checkin." + error;
                    }
                }
                if (message.hostInfo != null && $Object.hasOwnProperty.call(message, "hostInfo")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.HostInfo.verify(message.hostInfo, _depth + 1);
                        if (error)
                            return "hostInfo." + error;
                    }
                }
                if (message.processInfo != null && $Object.hasOwnProperty.call(message, "processInfo")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.ProcessInfo.verify(message.processInfo, _depth + 1);
                        if (error)
                            return "processInfo." + error;
                    }
                }
                if (message.netconnBatch != null && $Object.hasOwnProperty.call(message, "netconnBatch")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.NetconnBatch.verify(message.netconnBatch, _depth + 1);
                        if (error)
                            return "netconnBatch." + error;
                    }
                }
                if (message.externalIp != null && $Object.hasOwnProperty.call(message, "externalIp")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.ExternalIpObservation.verify(message.externalIp, _depth + 1);
                        if (error)
                            return "externalIp." + error;
                    }
                }
                if (message.spoolDrops != null && $Object.hasOwnProperty.call(message, "spoolDrops")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.SpoolDropReport.verify(message.spoolDrops, _depth + 1);
                        if (error)
                            return "spoolDrops." + error;
                    }
                }
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.Ack.verify(message.ack, _depth + 1);
                        if (error)
                            return "ack." + error;
                    }
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.ErrorNotice.verify(message.error, _depth + 1);
                        if (error)
                            return "error." + error;
                    }
                }
                if (message.command != null && $Object.hasOwnProperty.call(message, "command")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.Command.verify(message.command, _depth + 1);
                        if (error)
                            return "command." + error;
                    }
                }
                if (message.commandResult != null && $Object.hasOwnProperty.call(message, "commandResult")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.pushtrace.v1.CommandResult.verify(message.commandResult, _depth + 1);
                        if (error)
                            return "commandResult." + error;
                    }
                }
                return null;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.Envelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.Envelope();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.sensorId != null)
                    if ($Number(object.sensorId) !== 0)
                        message.sensorId = object.sensorId >>> 0;
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.sentAtMs != null)
                    if (typeof object.sentAtMs === "object" ? object.sentAtMs.low || object.sentAtMs.high : $Number(object.sentAtMs) !== 0)
                        if ($util.Long)
                            message.sentAtMs = $util.Long.fromValue(object.sentAtMs, false);
                        else if (typeof object.sentAtMs === "string")
                            message.sentAtMs = $parseInt(object.sentAtMs, 10);
                        else if (typeof object.sentAtMs === "number")
                            message.sentAtMs = object.sentAtMs;
                        else if (typeof object.sentAtMs === "object")
                            message.sentAtMs = new $util.LongBits(object.sentAtMs.low >>> 0, object.sentAtMs.high >>> 0).toNumber();
                if (object.hello != null) {
                    if (!$util.isObject(object.hello))
                        throw $TypeError(".pushtrace.v1.Envelope.hello: object expected");
                    message.hello = $root.pushtrace.v1.Hello.fromObject(object.hello, _depth + 1);
                }
                if (object.welcome != null) {
                    if (!$util.isObject(object.welcome))
                        throw $TypeError(".pushtrace.v1.Envelope.welcome: object expected");
                    message.welcome = $root.pushtrace.v1.Welcome.fromObject(object.welcome, _depth + 1);
                }
                if (object.checkin != null) {
                    if (!$util.isObject(object.checkin))
                        throw $TypeError(".pushtrace.v1.Envelope.checkin: object expected");
                    message.checkin = $root.pushtrace.v1.Checkin.fromObject(object.checkin, _depth + 1);
                }
                if (object.hostInfo != null) {
                    if (!$util.isObject(object.hostInfo))
                        throw $TypeError(".pushtrace.v1.Envelope.hostInfo: object expected");
                    message.hostInfo = $root.pushtrace.v1.HostInfo.fromObject(object.hostInfo, _depth + 1);
                }
                if (object.processInfo != null) {
                    if (!$util.isObject(object.processInfo))
                        throw $TypeError(".pushtrace.v1.Envelope.processInfo: object expected");
                    message.processInfo = $root.pushtrace.v1.ProcessInfo.fromObject(object.processInfo, _depth + 1);
                }
                if (object.netconnBatch != null) {
                    if (!$util.isObject(object.netconnBatch))
                        throw $TypeError(".pushtrace.v1.Envelope.netconnBatch: object expected");
                    message.netconnBatch = $root.pushtrace.v1.NetconnBatch.fromObject(object.netconnBatch, _depth + 1);
                }
                if (object.externalIp != null) {
                    if (!$util.isObject(object.externalIp))
                        throw $TypeError(".pushtrace.v1.Envelope.externalIp: object expected");
                    message.externalIp = $root.pushtrace.v1.ExternalIpObservation.fromObject(object.externalIp, _depth + 1);
                }
                if (object.spoolDrops != null) {
                    if (!$util.isObject(object.spoolDrops))
                        throw $TypeError(".pushtrace.v1.Envelope.spoolDrops: object expected");
                    message.spoolDrops = $root.pushtrace.v1.SpoolDropReport.fromObject(object.spoolDrops, _depth + 1);
                }
                if (object.ack != null) {
                    if (!$util.isObject(object.ack))
                        throw $TypeError(".pushtrace.v1.Envelope.ack: object expected");
                    message.ack = $root.pushtrace.v1.Ack.fromObject(object.ack, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".pushtrace.v1.Envelope.error: object expected");
                    message.error = $root.pushtrace.v1.ErrorNotice.fromObject(object.error, _depth + 1);
                }
                if (object.command != null) {
                    if (!$util.isObject(object.command))
                        throw $TypeError(".pushtrace.v1.Envelope.command: object expected");
                    message.command = $root.pushtrace.v1.Command.fromObject(object.command, _depth + 1);
                }
                if (object.commandResult != null) {
                    if (!$util.isObject(object.commandResult))
                        throw $TypeError(".pushtrace.v1.Envelope.commandResult: object expected");
                    message.commandResult = $root.pushtrace.v1.CommandResult.fromObject(object.commandResult, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.Envelope
             * @static
             * @param {pushtrace.v1.Envelope} message Envelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.sensorId = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sentAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId"))
                    object.sensorId = message.sensorId;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sentAtMs = typeof message.sentAtMs === "number" ? $BigInt(message.sentAtMs) : $util.Long.fromBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.sentAtMs === "number")
                        object.sentAtMs = options.longs === $String ? $String(message.sentAtMs) : message.sentAtMs;
                    else
                        object.sentAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.sentAtMs) : options.longs === $Number ? new $util.LongBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0).toNumber() : message.sentAtMs;
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                    object.hello = $root.pushtrace.v1.Hello.toObject(message.hello, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hello";
                }
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome")) {
                    object.welcome = $root.pushtrace.v1.Welcome.toObject(message.welcome, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "welcome";
                }
                if (message.checkin != null && $Object.hasOwnProperty.call(message, "checkin")) {
                    object.checkin = $root.pushtrace.v1.Checkin.toObject(message.checkin, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "checkin";
                }
                if (message.hostInfo != null && $Object.hasOwnProperty.call(message, "hostInfo")) {
                    object.hostInfo = $root.pushtrace.v1.HostInfo.toObject(message.hostInfo, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hostInfo";
                }
                if (message.processInfo != null && $Object.hasOwnProperty.call(message, "processInfo")) {
                    object.processInfo = $root.pushtrace.v1.ProcessInfo.toObject(message.processInfo, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "processInfo";
                }
                if (message.netconnBatch != null && $Object.hasOwnProperty.call(message, "netconnBatch")) {
                    object.netconnBatch = $root.pushtrace.v1.NetconnBatch.toObject(message.netconnBatch, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "netconnBatch";
                }
                if (message.externalIp != null && $Object.hasOwnProperty.call(message, "externalIp")) {
                    object.externalIp = $root.pushtrace.v1.ExternalIpObservation.toObject(message.externalIp, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "externalIp";
                }
                if (message.spoolDrops != null && $Object.hasOwnProperty.call(message, "spoolDrops")) {
                    object.spoolDrops = $root.pushtrace.v1.SpoolDropReport.toObject(message.spoolDrops, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "spoolDrops";
                }
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                    object.ack = $root.pushtrace.v1.Ack.toObject(message.ack, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ack";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.pushtrace.v1.ErrorNotice.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.command != null && $Object.hasOwnProperty.call(message, "command")) {
                    object.command = $root.pushtrace.v1.Command.toObject(message.command, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "command";
                }
                if (message.commandResult != null && $Object.hasOwnProperty.call(message, "commandResult")) {
                    object.commandResult = $root.pushtrace.v1.CommandResult.toObject(message.commandResult, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "commandResult";
                }
                return object;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Envelope;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} pushtrace.v1.Hello.$Properties
             * @property {string|null} [enrollSecret] Hello enrollSecret
             * @property {string|null} [sensorToken] Hello sensorToken
             * @property {string|null} [hostname] Hello hostname
             * @property {string|null} [agentVersion] Hello agentVersion
             * @property {number|null} [nextSeq] Hello nextSeq
             * @property {"enrollSecret"|"sensorToken"} [auth] Hello auth
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof pushtrace.v1
             * @interface IHello
             * @augments pushtrace.v1.Hello.$Properties
             * @deprecated Use pushtrace.v1.Hello.$Properties instead.
             */

            /**
             * Narrowed shape of a Hello.
             * @typedef {{
             *   enrollSecret?: string|null;
             *   sensorToken?: string|null;
             *   hostname?: string|null;
             *   agentVersion?: string|null;
             *   nextSeq?: number|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ auth?: undefined; enrollSecret?: null; sensorToken?: null }|{ auth?: "enrollSecret"; enrollSecret: string; sensorToken?: null }|{ auth?: "sensorToken"; enrollSecret?: null; sensorToken: string })
             * )} pushtrace.v1.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof pushtrace.v1
             * @classdesc Represents a Hello.
             * @constructor
             * @param {pushtrace.v1.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello enrollSecret.
             * @member {string|null|undefined} enrollSecret
             * @memberof pushtrace.v1.Hello
             * @instance
             */
            Hello.prototype.enrollSecret = null;

            /**
             * Hello sensorToken.
             * @member {string|null|undefined} sensorToken
             * @memberof pushtrace.v1.Hello
             * @instance
             */
            Hello.prototype.sensorToken = null;

            /**
             * Hello hostname.
             * @member {string} hostname
             * @memberof pushtrace.v1.Hello
             * @instance
             */
            Hello.prototype.hostname = "";

            /**
             * Hello agentVersion.
             * @member {string} agentVersion
             * @memberof pushtrace.v1.Hello
             * @instance
             */
            Hello.prototype.agentVersion = "";

            /**
             * Hello nextSeq.
             * @member {number} nextSeq
             * @memberof pushtrace.v1.Hello
             * @instance
             */
            Hello.prototype.nextSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Hello auth.
             * @member {"enrollSecret"|"sensorToken"|undefined} auth
             * @memberof pushtrace.v1.Hello
             * @instance
             */
            $Object.defineProperty(Hello.prototype, "auth", {
                get: $util.oneOfGetter($oneOfFields = ["enrollSecret", "sensorToken"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.Hello
             * @static
             * @param {pushtrace.v1.Hello.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.Hello} Hello instance
             * @type {{
             *   (properties: pushtrace.v1.Hello.$Shape): pushtrace.v1.Hello & pushtrace.v1.Hello.$Shape;
             *   (properties?: pushtrace.v1.Hello.$Properties): pushtrace.v1.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link pushtrace.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.Hello
             * @static
             * @param {pushtrace.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.enrollSecret != null && $Object.hasOwnProperty.call(message, "enrollSecret"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.enrollSecret);
                if (message.sensorToken != null && $Object.hasOwnProperty.call(message, "sensorToken"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.sensorToken);
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname") && message.hostname !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.hostname);
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion") && message.agentVersion !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.agentVersion);
                if (message.nextSeq != null && $Object.hasOwnProperty.call(message, "nextSeq") && (typeof message.nextSeq === "object" ? message.nextSeq.low || message.nextSeq.high : message.nextSeq !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.nextSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link pushtrace.v1.Hello.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.Hello
             * @static
             * @param {pushtrace.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.Hello & pushtrace.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.enrollSecret = reader.stringVerify();
                            message.auth = "enrollSecret";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.sensorToken = reader.stringVerify();
                            message.auth = "sensorToken";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hostname = value;
                            else
                                delete message.hostname;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentVersion = value;
                            else
                                delete message.agentVersion;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nextSeq = value;
                            else
                                delete message.nextSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Hello & pushtrace.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Hello message.
             * @function verify
             * @memberof pushtrace.v1.Hello
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Hello.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.enrollSecret != null && $Object.hasOwnProperty.call(message, "enrollSecret")) {
                    properties.auth = 1;
                    if (!$util.isString(message.enrollSecret))
                        return "enrollSecret: string expected";
                }
                if (message.sensorToken != null && $Object.hasOwnProperty.call(message, "sensorToken")) {
                    if (properties.auth === 1)
                        return "auth: multiple values";
                    properties.auth = 1;
                    if (!$util.isString(message.sensorToken))
                        return "sensorToken: string expected";
                }
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname"))
                    if (!$util.isString(message.hostname))
                        return "hostname: string expected";
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    if (!$util.isString(message.agentVersion))
                        return "agentVersion: string expected";
                if (message.nextSeq != null && $Object.hasOwnProperty.call(message, "nextSeq"))
                    if (!$util.isInteger(message.nextSeq) && !(message.nextSeq && $util.isInteger(message.nextSeq.low) && $util.isInteger(message.nextSeq.high)))
                        return "nextSeq: integer|Long expected";
                return null;
            };

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.Hello
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.Hello} Hello
             */
            Hello.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.Hello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.Hello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.Hello();
                if (object.enrollSecret != null)
                    message.enrollSecret = $String(object.enrollSecret);
                if (object.sensorToken != null)
                    message.sensorToken = $String(object.sensorToken);
                if (object.hostname != null)
                    if (typeof object.hostname !== "string" || object.hostname.length)
                        message.hostname = $String(object.hostname);
                if (object.agentVersion != null)
                    if (typeof object.agentVersion !== "string" || object.agentVersion.length)
                        message.agentVersion = $String(object.agentVersion);
                if (object.nextSeq != null)
                    if (typeof object.nextSeq === "object" ? object.nextSeq.low || object.nextSeq.high : $Number(object.nextSeq) !== 0)
                        if ($util.Long)
                            message.nextSeq = $util.Long.fromValue(object.nextSeq, true);
                        else if (typeof object.nextSeq === "string")
                            message.nextSeq = $parseInt(object.nextSeq, 10);
                        else if (typeof object.nextSeq === "number")
                            message.nextSeq = object.nextSeq;
                        else if (typeof object.nextSeq === "object")
                            message.nextSeq = new $util.LongBits(object.nextSeq.low >>> 0, object.nextSeq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.Hello
             * @static
             * @param {pushtrace.v1.Hello} message Hello
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hello.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.hostname = "";
                    object.agentVersion = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.nextSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.nextSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.enrollSecret != null && $Object.hasOwnProperty.call(message, "enrollSecret")) {
                    object.enrollSecret = message.enrollSecret;
                    if (options.oneofs)
                        object.auth = "enrollSecret";
                }
                if (message.sensorToken != null && $Object.hasOwnProperty.call(message, "sensorToken")) {
                    object.sensorToken = message.sensorToken;
                    if (options.oneofs)
                        object.auth = "sensorToken";
                }
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    object.agentVersion = message.agentVersion;
                if (message.nextSeq != null && $Object.hasOwnProperty.call(message, "nextSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.nextSeq = typeof message.nextSeq === "number" ? $BigInt(message.nextSeq) : $util.Long.fromBits(message.nextSeq.low >>> 0, message.nextSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.nextSeq === "number")
                        object.nextSeq = options.longs === $String ? $String(message.nextSeq) : message.nextSeq;
                    else
                        object.nextSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.nextSeq) : options.longs === $Number ? new $util.LongBits(message.nextSeq.low >>> 0, message.nextSeq.high >>> 0).toNumber(true) : message.nextSeq;
                return object;
            };

            /**
             * Converts this Hello to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.Hello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hello.prototype.toJSON = function() {
                return Hello.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Hello;
        })();

        v1.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @typedef {Object} pushtrace.v1.Welcome.$Properties
             * @property {number|null} [sensorId] Welcome sensorId
             * @property {string|null} [sensorToken] Welcome sensorToken
             * @property {number|null} [lastStoredSeq] Welcome lastStoredSeq
             * @property {number|null} [checkinIntervalS] Welcome checkinIntervalS
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Welcome.
             * @memberof pushtrace.v1
             * @interface IWelcome
             * @augments pushtrace.v1.Welcome.$Properties
             * @deprecated Use pushtrace.v1.Welcome.$Properties instead.
             */

            /**
             * Shape of a Welcome.
             * @typedef {pushtrace.v1.Welcome.$Properties} pushtrace.v1.Welcome.$Shape
             */

            /**
             * Constructs a new Welcome.
             * @memberof pushtrace.v1
             * @classdesc Represents a Welcome.
             * @constructor
             * @param {pushtrace.v1.Welcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Welcome = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Welcome sensorId.
             * @member {number} sensorId
             * @memberof pushtrace.v1.Welcome
             * @instance
             */
            Welcome.prototype.sensorId = 0;

            /**
             * Welcome sensorToken.
             * @member {string} sensorToken
             * @memberof pushtrace.v1.Welcome
             * @instance
             */
            Welcome.prototype.sensorToken = "";

            /**
             * Welcome lastStoredSeq.
             * @member {number} lastStoredSeq
             * @memberof pushtrace.v1.Welcome
             * @instance
             */
            Welcome.prototype.lastStoredSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Welcome checkinIntervalS.
             * @member {number} checkinIntervalS
             * @memberof pushtrace.v1.Welcome
             * @instance
             */
            Welcome.prototype.checkinIntervalS = 0;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.Welcome
             * @static
             * @param {pushtrace.v1.Welcome.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.Welcome} Welcome instance
             * @type {{
             *   (properties: pushtrace.v1.Welcome.$Shape): pushtrace.v1.Welcome & pushtrace.v1.Welcome.$Shape;
             *   (properties?: pushtrace.v1.Welcome.$Properties): pushtrace.v1.Welcome;
             * }}
             */
            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link pushtrace.v1.Welcome.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.Welcome
             * @static
             * @param {pushtrace.v1.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId") && message.sensorId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.sensorId);
                if (message.sensorToken != null && $Object.hasOwnProperty.call(message, "sensorToken") && message.sensorToken !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.sensorToken);
                if (message.lastStoredSeq != null && $Object.hasOwnProperty.call(message, "lastStoredSeq") && (typeof message.lastStoredSeq === "object" ? message.lastStoredSeq.low || message.lastStoredSeq.high : message.lastStoredSeq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.lastStoredSeq);
                if (message.checkinIntervalS != null && $Object.hasOwnProperty.call(message, "checkinIntervalS") && message.checkinIntervalS !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.checkinIntervalS);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Welcome message, length delimited. Does not implicitly {@link pushtrace.v1.Welcome.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.Welcome
             * @static
             * @param {pushtrace.v1.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.Welcome & pushtrace.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.Welcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sensorId = value;
                            else
                                delete message.sensorId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sensorToken = value;
                            else
                                delete message.sensorToken;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastStoredSeq = value;
                            else
                                delete message.lastStoredSeq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.checkinIntervalS = value;
                            else
                                delete message.checkinIntervalS;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Welcome & pushtrace.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Welcome message.
             * @function verify
             * @memberof pushtrace.v1.Welcome
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Welcome.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId"))
                    if (!$util.isInteger(message.sensorId))
                        return "sensorId: integer expected";
                if (message.sensorToken != null && $Object.hasOwnProperty.call(message, "sensorToken"))
                    if (!$util.isString(message.sensorToken))
                        return "sensorToken: string expected";
                if (message.lastStoredSeq != null && $Object.hasOwnProperty.call(message, "lastStoredSeq"))
                    if (!$util.isInteger(message.lastStoredSeq) && !(message.lastStoredSeq && $util.isInteger(message.lastStoredSeq.low) && $util.isInteger(message.lastStoredSeq.high)))
                        return "lastStoredSeq: integer|Long expected";
                if (message.checkinIntervalS != null && $Object.hasOwnProperty.call(message, "checkinIntervalS"))
                    if (!$util.isInteger(message.checkinIntervalS))
                        return "checkinIntervalS: integer expected";
                return null;
            };

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.Welcome
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.Welcome} Welcome
             */
            Welcome.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.Welcome)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.Welcome: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.Welcome();
                if (object.sensorId != null)
                    if ($Number(object.sensorId) !== 0)
                        message.sensorId = object.sensorId >>> 0;
                if (object.sensorToken != null)
                    if (typeof object.sensorToken !== "string" || object.sensorToken.length)
                        message.sensorToken = $String(object.sensorToken);
                if (object.lastStoredSeq != null)
                    if (typeof object.lastStoredSeq === "object" ? object.lastStoredSeq.low || object.lastStoredSeq.high : $Number(object.lastStoredSeq) !== 0)
                        if ($util.Long)
                            message.lastStoredSeq = $util.Long.fromValue(object.lastStoredSeq, true);
                        else if (typeof object.lastStoredSeq === "string")
                            message.lastStoredSeq = $parseInt(object.lastStoredSeq, 10);
                        else if (typeof object.lastStoredSeq === "number")
                            message.lastStoredSeq = object.lastStoredSeq;
                        else if (typeof object.lastStoredSeq === "object")
                            message.lastStoredSeq = new $util.LongBits(object.lastStoredSeq.low >>> 0, object.lastStoredSeq.high >>> 0).toNumber(true);
                if (object.checkinIntervalS != null)
                    if ($Number(object.checkinIntervalS) !== 0)
                        message.checkinIntervalS = object.checkinIntervalS >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.Welcome
             * @static
             * @param {pushtrace.v1.Welcome} message Welcome
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Welcome.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.sensorId = 0;
                    object.sensorToken = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.lastStoredSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.lastStoredSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.checkinIntervalS = 0;
                }
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId"))
                    object.sensorId = message.sensorId;
                if (message.sensorToken != null && $Object.hasOwnProperty.call(message, "sensorToken"))
                    object.sensorToken = message.sensorToken;
                if (message.lastStoredSeq != null && $Object.hasOwnProperty.call(message, "lastStoredSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastStoredSeq = typeof message.lastStoredSeq === "number" ? $BigInt(message.lastStoredSeq) : $util.Long.fromBits(message.lastStoredSeq.low >>> 0, message.lastStoredSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.lastStoredSeq === "number")
                        object.lastStoredSeq = options.longs === $String ? $String(message.lastStoredSeq) : message.lastStoredSeq;
                    else
                        object.lastStoredSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.lastStoredSeq) : options.longs === $Number ? new $util.LongBits(message.lastStoredSeq.low >>> 0, message.lastStoredSeq.high >>> 0).toNumber(true) : message.lastStoredSeq;
                if (message.checkinIntervalS != null && $Object.hasOwnProperty.call(message, "checkinIntervalS"))
                    object.checkinIntervalS = message.checkinIntervalS;
                return object;
            };

            /**
             * Converts this Welcome to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.Welcome
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Welcome.prototype.toJSON = function() {
                return Welcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Welcome;
        })();

        v1.Checkin = (function() {

            /**
             * Properties of a Checkin.
             * @typedef {Object} pushtrace.v1.Checkin.$Properties
             * @property {number|null} [nextCheckinAtMs] Checkin nextCheckinAtMs
             * @property {number|null} [agentUptimeS] Checkin agentUptimeS
             * @property {number|null} [spoolQueuedMessages] Checkin spoolQueuedMessages
             * @property {number|null} [spoolQueuedBytes] Checkin spoolQueuedBytes
             * @property {string|null} [externalIp] Checkin externalIp
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Checkin.
             * @memberof pushtrace.v1
             * @interface ICheckin
             * @augments pushtrace.v1.Checkin.$Properties
             * @deprecated Use pushtrace.v1.Checkin.$Properties instead.
             */

            /**
             * Shape of a Checkin.
             * @typedef {pushtrace.v1.Checkin.$Properties} pushtrace.v1.Checkin.$Shape
             */

            /**
             * Constructs a new Checkin.
             * @memberof pushtrace.v1
             * @classdesc Represents a Checkin.
             * @constructor
             * @param {pushtrace.v1.Checkin.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Checkin = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Checkin nextCheckinAtMs.
             * @member {number} nextCheckinAtMs
             * @memberof pushtrace.v1.Checkin
             * @instance
             */
            Checkin.prototype.nextCheckinAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Checkin agentUptimeS.
             * @member {number} agentUptimeS
             * @memberof pushtrace.v1.Checkin
             * @instance
             */
            Checkin.prototype.agentUptimeS = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Checkin spoolQueuedMessages.
             * @member {number} spoolQueuedMessages
             * @memberof pushtrace.v1.Checkin
             * @instance
             */
            Checkin.prototype.spoolQueuedMessages = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Checkin spoolQueuedBytes.
             * @member {number} spoolQueuedBytes
             * @memberof pushtrace.v1.Checkin
             * @instance
             */
            Checkin.prototype.spoolQueuedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Checkin externalIp.
             * @member {string} externalIp
             * @memberof pushtrace.v1.Checkin
             * @instance
             */
            Checkin.prototype.externalIp = "";

            /**
             * Creates a new Checkin instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.Checkin
             * @static
             * @param {pushtrace.v1.Checkin.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.Checkin} Checkin instance
             * @type {{
             *   (properties: pushtrace.v1.Checkin.$Shape): pushtrace.v1.Checkin & pushtrace.v1.Checkin.$Shape;
             *   (properties?: pushtrace.v1.Checkin.$Properties): pushtrace.v1.Checkin;
             * }}
             */
            Checkin.create = function(properties) {
                return new Checkin(properties);
            };

            /**
             * Encodes the specified Checkin message. Does not implicitly {@link pushtrace.v1.Checkin.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.Checkin
             * @static
             * @param {pushtrace.v1.Checkin.$Properties} message Checkin message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Checkin.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nextCheckinAtMs != null && $Object.hasOwnProperty.call(message, "nextCheckinAtMs") && (typeof message.nextCheckinAtMs === "object" ? message.nextCheckinAtMs.low || message.nextCheckinAtMs.high : message.nextCheckinAtMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.nextCheckinAtMs);
                if (message.agentUptimeS != null && $Object.hasOwnProperty.call(message, "agentUptimeS") && (typeof message.agentUptimeS === "object" ? message.agentUptimeS.low || message.agentUptimeS.high : message.agentUptimeS !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.agentUptimeS);
                if (message.spoolQueuedMessages != null && $Object.hasOwnProperty.call(message, "spoolQueuedMessages") && (typeof message.spoolQueuedMessages === "object" ? message.spoolQueuedMessages.low || message.spoolQueuedMessages.high : message.spoolQueuedMessages !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.spoolQueuedMessages);
                if (message.spoolQueuedBytes != null && $Object.hasOwnProperty.call(message, "spoolQueuedBytes") && (typeof message.spoolQueuedBytes === "object" ? message.spoolQueuedBytes.low || message.spoolQueuedBytes.high : message.spoolQueuedBytes !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.spoolQueuedBytes);
                if (message.externalIp != null && $Object.hasOwnProperty.call(message, "externalIp") && message.externalIp !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.externalIp);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Checkin message, length delimited. Does not implicitly {@link pushtrace.v1.Checkin.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.Checkin
             * @static
             * @param {pushtrace.v1.Checkin.$Properties} message Checkin message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Checkin.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Checkin message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.Checkin
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.Checkin & pushtrace.v1.Checkin.$Shape} Checkin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Checkin.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.Checkin();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.nextCheckinAtMs = value;
                            else
                                delete message.nextCheckinAtMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.agentUptimeS = value;
                            else
                                delete message.agentUptimeS;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.spoolQueuedMessages = value;
                            else
                                delete message.spoolQueuedMessages;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.spoolQueuedBytes = value;
                            else
                                delete message.spoolQueuedBytes;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.externalIp = value;
                            else
                                delete message.externalIp;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Checkin message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.Checkin
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Checkin & pushtrace.v1.Checkin.$Shape} Checkin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Checkin.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Checkin message.
             * @function verify
             * @memberof pushtrace.v1.Checkin
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Checkin.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.nextCheckinAtMs != null && $Object.hasOwnProperty.call(message, "nextCheckinAtMs"))
                    if (!$util.isInteger(message.nextCheckinAtMs) && !(message.nextCheckinAtMs && $util.isInteger(message.nextCheckinAtMs.low) && $util.isInteger(message.nextCheckinAtMs.high)))
                        return "nextCheckinAtMs: integer|Long expected";
                if (message.agentUptimeS != null && $Object.hasOwnProperty.call(message, "agentUptimeS"))
                    if (!$util.isInteger(message.agentUptimeS) && !(message.agentUptimeS && $util.isInteger(message.agentUptimeS.low) && $util.isInteger(message.agentUptimeS.high)))
                        return "agentUptimeS: integer|Long expected";
                if (message.spoolQueuedMessages != null && $Object.hasOwnProperty.call(message, "spoolQueuedMessages"))
                    if (!$util.isInteger(message.spoolQueuedMessages) && !(message.spoolQueuedMessages && $util.isInteger(message.spoolQueuedMessages.low) && $util.isInteger(message.spoolQueuedMessages.high)))
                        return "spoolQueuedMessages: integer|Long expected";
                if (message.spoolQueuedBytes != null && $Object.hasOwnProperty.call(message, "spoolQueuedBytes"))
                    if (!$util.isInteger(message.spoolQueuedBytes) && !(message.spoolQueuedBytes && $util.isInteger(message.spoolQueuedBytes.low) && $util.isInteger(message.spoolQueuedBytes.high)))
                        return "spoolQueuedBytes: integer|Long expected";
                if (message.externalIp != null && $Object.hasOwnProperty.call(message, "externalIp"))
                    if (!$util.isString(message.externalIp))
                        return "externalIp: string expected";
                return null;
            };

            /**
             * Creates a Checkin message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.Checkin
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.Checkin} Checkin
             */
            Checkin.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.Checkin)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.Checkin: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.Checkin();
                if (object.nextCheckinAtMs != null)
                    if (typeof object.nextCheckinAtMs === "object" ? object.nextCheckinAtMs.low || object.nextCheckinAtMs.high : $Number(object.nextCheckinAtMs) !== 0)
                        if ($util.Long)
                            message.nextCheckinAtMs = $util.Long.fromValue(object.nextCheckinAtMs, false);
                        else if (typeof object.nextCheckinAtMs === "string")
                            message.nextCheckinAtMs = $parseInt(object.nextCheckinAtMs, 10);
                        else if (typeof object.nextCheckinAtMs === "number")
                            message.nextCheckinAtMs = object.nextCheckinAtMs;
                        else if (typeof object.nextCheckinAtMs === "object")
                            message.nextCheckinAtMs = new $util.LongBits(object.nextCheckinAtMs.low >>> 0, object.nextCheckinAtMs.high >>> 0).toNumber();
                if (object.agentUptimeS != null)
                    if (typeof object.agentUptimeS === "object" ? object.agentUptimeS.low || object.agentUptimeS.high : $Number(object.agentUptimeS) !== 0)
                        if ($util.Long)
                            message.agentUptimeS = $util.Long.fromValue(object.agentUptimeS, true);
                        else if (typeof object.agentUptimeS === "string")
                            message.agentUptimeS = $parseInt(object.agentUptimeS, 10);
                        else if (typeof object.agentUptimeS === "number")
                            message.agentUptimeS = object.agentUptimeS;
                        else if (typeof object.agentUptimeS === "object")
                            message.agentUptimeS = new $util.LongBits(object.agentUptimeS.low >>> 0, object.agentUptimeS.high >>> 0).toNumber(true);
                if (object.spoolQueuedMessages != null)
                    if (typeof object.spoolQueuedMessages === "object" ? object.spoolQueuedMessages.low || object.spoolQueuedMessages.high : $Number(object.spoolQueuedMessages) !== 0)
                        if ($util.Long)
                            message.spoolQueuedMessages = $util.Long.fromValue(object.spoolQueuedMessages, true);
                        else if (typeof object.spoolQueuedMessages === "string")
                            message.spoolQueuedMessages = $parseInt(object.spoolQueuedMessages, 10);
                        else if (typeof object.spoolQueuedMessages === "number")
                            message.spoolQueuedMessages = object.spoolQueuedMessages;
                        else if (typeof object.spoolQueuedMessages === "object")
                            message.spoolQueuedMessages = new $util.LongBits(object.spoolQueuedMessages.low >>> 0, object.spoolQueuedMessages.high >>> 0).toNumber(true);
                if (object.spoolQueuedBytes != null)
                    if (typeof object.spoolQueuedBytes === "object" ? object.spoolQueuedBytes.low || object.spoolQueuedBytes.high : $Number(object.spoolQueuedBytes) !== 0)
                        if ($util.Long)
                            message.spoolQueuedBytes = $util.Long.fromValue(object.spoolQueuedBytes, true);
                        else if (typeof object.spoolQueuedBytes === "string")
                            message.spoolQueuedBytes = $parseInt(object.spoolQueuedBytes, 10);
                        else if (typeof object.spoolQueuedBytes === "number")
                            message.spoolQueuedBytes = object.spoolQueuedBytes;
                        else if (typeof object.spoolQueuedBytes === "object")
                            message.spoolQueuedBytes = new $util.LongBits(object.spoolQueuedBytes.low >>> 0, object.spoolQueuedBytes.high >>> 0).toNumber(true);
                if (object.externalIp != null)
                    if (typeof object.externalIp !== "string" || object.externalIp.length)
                        message.externalIp = $String(object.externalIp);
                return message;
            };

            /**
             * Creates a plain object from a Checkin message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.Checkin
             * @static
             * @param {pushtrace.v1.Checkin} message Checkin
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Checkin.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.nextCheckinAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.nextCheckinAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.agentUptimeS = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.agentUptimeS = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.spoolQueuedMessages = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.spoolQueuedMessages = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.spoolQueuedBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.spoolQueuedBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.externalIp = "";
                }
                if (message.nextCheckinAtMs != null && $Object.hasOwnProperty.call(message, "nextCheckinAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.nextCheckinAtMs = typeof message.nextCheckinAtMs === "number" ? $BigInt(message.nextCheckinAtMs) : $util.Long.fromBits(message.nextCheckinAtMs.low >>> 0, message.nextCheckinAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.nextCheckinAtMs === "number")
                        object.nextCheckinAtMs = options.longs === $String ? $String(message.nextCheckinAtMs) : message.nextCheckinAtMs;
                    else
                        object.nextCheckinAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.nextCheckinAtMs) : options.longs === $Number ? new $util.LongBits(message.nextCheckinAtMs.low >>> 0, message.nextCheckinAtMs.high >>> 0).toNumber() : message.nextCheckinAtMs;
                if (message.agentUptimeS != null && $Object.hasOwnProperty.call(message, "agentUptimeS"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.agentUptimeS = typeof message.agentUptimeS === "number" ? $BigInt(message.agentUptimeS) : $util.Long.fromBits(message.agentUptimeS.low >>> 0, message.agentUptimeS.high >>> 0, true).toBigInt();
                    else if (typeof message.agentUptimeS === "number")
                        object.agentUptimeS = options.longs === $String ? $String(message.agentUptimeS) : message.agentUptimeS;
                    else
                        object.agentUptimeS = options.longs === $String ? $util.Long.prototype.toString.call(message.agentUptimeS) : options.longs === $Number ? new $util.LongBits(message.agentUptimeS.low >>> 0, message.agentUptimeS.high >>> 0).toNumber(true) : message.agentUptimeS;
                if (message.spoolQueuedMessages != null && $Object.hasOwnProperty.call(message, "spoolQueuedMessages"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.spoolQueuedMessages = typeof message.spoolQueuedMessages === "number" ? $BigInt(message.spoolQueuedMessages) : $util.Long.fromBits(message.spoolQueuedMessages.low >>> 0, message.spoolQueuedMessages.high >>> 0, true).toBigInt();
                    else if (typeof message.spoolQueuedMessages === "number")
                        object.spoolQueuedMessages = options.longs === $String ? $String(message.spoolQueuedMessages) : message.spoolQueuedMessages;
                    else
                        object.spoolQueuedMessages = options.longs === $String ? $util.Long.prototype.toString.call(message.spoolQueuedMessages) : options.longs === $Number ? new $util.LongBits(message.spoolQueuedMessages.low >>> 0, message.spoolQueuedMessages.high >>> 0).toNumber(true) : message.spoolQueuedMessages;
                if (message.spoolQueuedBytes != null && $Object.hasOwnProperty.call(message, "spoolQueuedBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.spoolQueuedBytes = typeof message.spoolQueuedBytes === "number" ? $BigInt(message.spoolQueuedBytes) : $util.Long.fromBits(message.spoolQueuedBytes.low >>> 0, message.spoolQueuedBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.spoolQueuedBytes === "number")
                        object.spoolQueuedBytes = options.longs === $String ? $String(message.spoolQueuedBytes) : message.spoolQueuedBytes;
                    else
                        object.spoolQueuedBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.spoolQueuedBytes) : options.longs === $Number ? new $util.LongBits(message.spoolQueuedBytes.low >>> 0, message.spoolQueuedBytes.high >>> 0).toNumber(true) : message.spoolQueuedBytes;
                if (message.externalIp != null && $Object.hasOwnProperty.call(message, "externalIp"))
                    object.externalIp = message.externalIp;
                return object;
            };

            /**
             * Converts this Checkin to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.Checkin
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Checkin.prototype.toJSON = function() {
                return Checkin.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Checkin;
        })();

        v1.HostInfo = (function() {

            /**
             * Properties of a HostInfo.
             * @typedef {Object} pushtrace.v1.HostInfo.$Properties
             * @property {string|null} [hostname] HostInfo hostname
             * @property {string|null} [osPlatform] HostInfo osPlatform
             * @property {string|null} [osVersion] HostInfo osVersion
             * @property {string|null} [osRelease] HostInfo osRelease
             * @property {string|null} [arch] HostInfo arch
             * @property {string|null} [agentVersion] HostInfo agentVersion
             * @property {number|null} [bootTimeMs] HostInfo bootTimeMs
             * @property {Array.<pushtrace.v1.NetInterface.$Properties>|null} [interfaces] HostInfo interfaces
             * @property {Array.<string>|null} [loggedInUsers] HostInfo loggedInUsers
             * @property {number|null} [observedAtMs] HostInfo observedAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HostInfo.
             * @memberof pushtrace.v1
             * @interface IHostInfo
             * @augments pushtrace.v1.HostInfo.$Properties
             * @deprecated Use pushtrace.v1.HostInfo.$Properties instead.
             */

            /**
             * Shape of a HostInfo.
             * @typedef {pushtrace.v1.HostInfo.$Properties} pushtrace.v1.HostInfo.$Shape
             */

            /**
             * Constructs a new HostInfo.
             * @memberof pushtrace.v1
             * @classdesc Represents a HostInfo.
             * @constructor
             * @param {pushtrace.v1.HostInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HostInfo = function (properties) {
                this.interfaces = [];
                this.loggedInUsers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HostInfo hostname.
             * @member {string} hostname
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.hostname = "";

            /**
             * HostInfo osPlatform.
             * @member {string} osPlatform
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.osPlatform = "";

            /**
             * HostInfo osVersion.
             * @member {string} osVersion
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.osVersion = "";

            /**
             * HostInfo osRelease.
             * @member {string} osRelease
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.osRelease = "";

            /**
             * HostInfo arch.
             * @member {string} arch
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.arch = "";

            /**
             * HostInfo agentVersion.
             * @member {string} agentVersion
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.agentVersion = "";

            /**
             * HostInfo bootTimeMs.
             * @member {number} bootTimeMs
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.bootTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HostInfo interfaces.
             * @member {Array.<pushtrace.v1.NetInterface.$Properties>} interfaces
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.interfaces = $util.emptyArray;

            /**
             * HostInfo loggedInUsers.
             * @member {Array.<string>} loggedInUsers
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.loggedInUsers = $util.emptyArray;

            /**
             * HostInfo observedAtMs.
             * @member {number} observedAtMs
             * @memberof pushtrace.v1.HostInfo
             * @instance
             */
            HostInfo.prototype.observedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new HostInfo instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.HostInfo
             * @static
             * @param {pushtrace.v1.HostInfo.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.HostInfo} HostInfo instance
             * @type {{
             *   (properties: pushtrace.v1.HostInfo.$Shape): pushtrace.v1.HostInfo & pushtrace.v1.HostInfo.$Shape;
             *   (properties?: pushtrace.v1.HostInfo.$Properties): pushtrace.v1.HostInfo;
             * }}
             */
            HostInfo.create = function(properties) {
                return new HostInfo(properties);
            };

            /**
             * Encodes the specified HostInfo message. Does not implicitly {@link pushtrace.v1.HostInfo.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.HostInfo
             * @static
             * @param {pushtrace.v1.HostInfo.$Properties} message HostInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HostInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname") && message.hostname !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.hostname);
                if (message.osPlatform != null && $Object.hasOwnProperty.call(message, "osPlatform") && message.osPlatform !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.osPlatform);
                if (message.osVersion != null && $Object.hasOwnProperty.call(message, "osVersion") && message.osVersion !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.osVersion);
                if (message.osRelease != null && $Object.hasOwnProperty.call(message, "osRelease") && message.osRelease !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.osRelease);
                if (message.arch != null && $Object.hasOwnProperty.call(message, "arch") && message.arch !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.arch);
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion") && message.agentVersion !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.agentVersion);
                if (message.bootTimeMs != null && $Object.hasOwnProperty.call(message, "bootTimeMs") && (typeof message.bootTimeMs === "object" ? message.bootTimeMs.low || message.bootTimeMs.high : message.bootTimeMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.bootTimeMs);
                if (message.interfaces != null && message.interfaces.length)
                    for (let i = 0; i < message.interfaces.length; ++i)
                        $root.pushtrace.v1.NetInterface.encode(message.interfaces[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.loggedInUsers != null && message.loggedInUsers.length)
                    for (let i = 0; i < message.loggedInUsers.length; ++i)
                        writer.uint32(/* id 9, wireType 2 =*/74).string(message.loggedInUsers[i]);
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs") && (typeof message.observedAtMs === "object" ? message.observedAtMs.low || message.observedAtMs.high : message.observedAtMs !== 0))
                    writer.uint32(/* id 10, wireType 0 =*/80).int64(message.observedAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified HostInfo message, length delimited. Does not implicitly {@link pushtrace.v1.HostInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.HostInfo
             * @static
             * @param {pushtrace.v1.HostInfo.$Properties} message HostInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HostInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a HostInfo message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.HostInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.HostInfo & pushtrace.v1.HostInfo.$Shape} HostInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HostInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.HostInfo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hostname = value;
                            else
                                delete message.hostname;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.osPlatform = value;
                            else
                                delete message.osPlatform;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.osVersion = value;
                            else
                                delete message.osVersion;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.osRelease = value;
                            else
                                delete message.osRelease;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.arch = value;
                            else
                                delete message.arch;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentVersion = value;
                            else
                                delete message.agentVersion;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.bootTimeMs = value;
                            else
                                delete message.bootTimeMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.interfaces && message.interfaces.length))
                                message.interfaces = [];
                            message.interfaces.push($root.pushtrace.v1.NetInterface.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (!(message.loggedInUsers && message.loggedInUsers.length))
                                message.loggedInUsers = [];
                            message.loggedInUsers.push(reader.stringVerify());
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.observedAtMs = value;
                            else
                                delete message.observedAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a HostInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.HostInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.HostInfo & pushtrace.v1.HostInfo.$Shape} HostInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HostInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a HostInfo message.
             * @function verify
             * @memberof pushtrace.v1.HostInfo
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HostInfo.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname"))
                    if (!$util.isString(message.hostname))
                        return "hostname: string expected";
                if (message.osPlatform != null && $Object.hasOwnProperty.call(message, "osPlatform"))
                    if (!$util.isString(message.osPlatform))
                        return "osPlatform: string expected";
                if (message.osVersion != null && $Object.hasOwnProperty.call(message, "osVersion"))
                    if (!$util.isString(message.osVersion))
                        return "osVersion: string expected";
                if (message.osRelease != null && $Object.hasOwnProperty.call(message, "osRelease"))
                    if (!$util.isString(message.osRelease))
                        return "osRelease: string expected";
                if (message.arch != null && $Object.hasOwnProperty.call(message, "arch"))
                    if (!$util.isString(message.arch))
                        return "arch: string expected";
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    if (!$util.isString(message.agentVersion))
                        return "agentVersion: string expected";
                if (message.bootTimeMs != null && $Object.hasOwnProperty.call(message, "bootTimeMs"))
                    if (!$util.isInteger(message.bootTimeMs) && !(message.bootTimeMs && $util.isInteger(message.bootTimeMs.low) && $util.isInteger(message.bootTimeMs.high)))
                        return "bootTimeMs: integer|Long expected";
                if (message.interfaces != null && $Object.hasOwnProperty.call(message, "interfaces")) {
                    if (!$Array.isArray(message.interfaces))
                        return "interfaces: array expected";
                    for (let i = 0; i < message.interfaces.length; ++i) {
                        let error = $root.pushtrace.v1.NetInterface.verify(message.interfaces[i], _depth + 1);
                        if (error)
                            return "interfaces." + error;
                    }
                }
                if (message.loggedInUsers != null && $Object.hasOwnProperty.call(message, "loggedInUsers")) {
                    if (!$Array.isArray(message.loggedInUsers))
                        return "loggedInUsers: array expected";
                    for (let i = 0; i < message.loggedInUsers.length; ++i)
                        if (!$util.isString(message.loggedInUsers[i]))
                            return "loggedInUsers: string[] expected";
                }
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs"))
                    if (!$util.isInteger(message.observedAtMs) && !(message.observedAtMs && $util.isInteger(message.observedAtMs.low) && $util.isInteger(message.observedAtMs.high)))
                        return "observedAtMs: integer|Long expected";
                return null;
            };

            /**
             * Creates a HostInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.HostInfo
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.HostInfo} HostInfo
             */
            HostInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.HostInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.HostInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.HostInfo();
                if (object.hostname != null)
                    if (typeof object.hostname !== "string" || object.hostname.length)
                        message.hostname = $String(object.hostname);
                if (object.osPlatform != null)
                    if (typeof object.osPlatform !== "string" || object.osPlatform.length)
                        message.osPlatform = $String(object.osPlatform);
                if (object.osVersion != null)
                    if (typeof object.osVersion !== "string" || object.osVersion.length)
                        message.osVersion = $String(object.osVersion);
                if (object.osRelease != null)
                    if (typeof object.osRelease !== "string" || object.osRelease.length)
                        message.osRelease = $String(object.osRelease);
                if (object.arch != null)
                    if (typeof object.arch !== "string" || object.arch.length)
                        message.arch = $String(object.arch);
                if (object.agentVersion != null)
                    if (typeof object.agentVersion !== "string" || object.agentVersion.length)
                        message.agentVersion = $String(object.agentVersion);
                if (object.bootTimeMs != null)
                    if (typeof object.bootTimeMs === "object" ? object.bootTimeMs.low || object.bootTimeMs.high : $Number(object.bootTimeMs) !== 0)
                        if ($util.Long)
                            message.bootTimeMs = $util.Long.fromValue(object.bootTimeMs, false);
                        else if (typeof object.bootTimeMs === "string")
                            message.bootTimeMs = $parseInt(object.bootTimeMs, 10);
                        else if (typeof object.bootTimeMs === "number")
                            message.bootTimeMs = object.bootTimeMs;
                        else if (typeof object.bootTimeMs === "object")
                            message.bootTimeMs = new $util.LongBits(object.bootTimeMs.low >>> 0, object.bootTimeMs.high >>> 0).toNumber();
                if (object.interfaces) {
                    if (!$Array.isArray(object.interfaces))
                        throw $TypeError(".pushtrace.v1.HostInfo.interfaces: array expected");
                    message.interfaces = $Array(object.interfaces.length);
                    for (let i = 0; i < object.interfaces.length; ++i) {
                        if (!$util.isObject(object.interfaces[i]))
                            throw $TypeError(".pushtrace.v1.HostInfo.interfaces: object expected");
                        message.interfaces[i] = $root.pushtrace.v1.NetInterface.fromObject(object.interfaces[i], _depth + 1);
                    }
                }
                if (object.loggedInUsers) {
                    if (!$Array.isArray(object.loggedInUsers))
                        throw $TypeError(".pushtrace.v1.HostInfo.loggedInUsers: array expected");
                    message.loggedInUsers = $Array(object.loggedInUsers.length);
                    for (let i = 0; i < object.loggedInUsers.length; ++i)
                        message.loggedInUsers[i] = $String(object.loggedInUsers[i]);
                }
                if (object.observedAtMs != null)
                    if (typeof object.observedAtMs === "object" ? object.observedAtMs.low || object.observedAtMs.high : $Number(object.observedAtMs) !== 0)
                        if ($util.Long)
                            message.observedAtMs = $util.Long.fromValue(object.observedAtMs, false);
                        else if (typeof object.observedAtMs === "string")
                            message.observedAtMs = $parseInt(object.observedAtMs, 10);
                        else if (typeof object.observedAtMs === "number")
                            message.observedAtMs = object.observedAtMs;
                        else if (typeof object.observedAtMs === "object")
                            message.observedAtMs = new $util.LongBits(object.observedAtMs.low >>> 0, object.observedAtMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a HostInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.HostInfo
             * @static
             * @param {pushtrace.v1.HostInfo} message HostInfo
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HostInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.interfaces = [];
                    object.loggedInUsers = [];
                }
                if (options.defaults) {
                    object.hostname = "";
                    object.osPlatform = "";
                    object.osVersion = "";
                    object.osRelease = "";
                    object.arch = "";
                    object.agentVersion = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.bootTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.bootTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.observedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.observedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.osPlatform != null && $Object.hasOwnProperty.call(message, "osPlatform"))
                    object.osPlatform = message.osPlatform;
                if (message.osVersion != null && $Object.hasOwnProperty.call(message, "osVersion"))
                    object.osVersion = message.osVersion;
                if (message.osRelease != null && $Object.hasOwnProperty.call(message, "osRelease"))
                    object.osRelease = message.osRelease;
                if (message.arch != null && $Object.hasOwnProperty.call(message, "arch"))
                    object.arch = message.arch;
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    object.agentVersion = message.agentVersion;
                if (message.bootTimeMs != null && $Object.hasOwnProperty.call(message, "bootTimeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.bootTimeMs = typeof message.bootTimeMs === "number" ? $BigInt(message.bootTimeMs) : $util.Long.fromBits(message.bootTimeMs.low >>> 0, message.bootTimeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.bootTimeMs === "number")
                        object.bootTimeMs = options.longs === $String ? $String(message.bootTimeMs) : message.bootTimeMs;
                    else
                        object.bootTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.bootTimeMs) : options.longs === $Number ? new $util.LongBits(message.bootTimeMs.low >>> 0, message.bootTimeMs.high >>> 0).toNumber() : message.bootTimeMs;
                if (message.interfaces && message.interfaces.length) {
                    object.interfaces = $Array(message.interfaces.length);
                    for (let j = 0; j < message.interfaces.length; ++j)
                        object.interfaces[j] = $root.pushtrace.v1.NetInterface.toObject(message.interfaces[j], options, _depth + 1);
                }
                if (message.loggedInUsers && message.loggedInUsers.length) {
                    object.loggedInUsers = $Array(message.loggedInUsers.length);
                    for (let j = 0; j < message.loggedInUsers.length; ++j)
                        object.loggedInUsers[j] = message.loggedInUsers[j];
                }
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.observedAtMs = typeof message.observedAtMs === "number" ? $BigInt(message.observedAtMs) : $util.Long.fromBits(message.observedAtMs.low >>> 0, message.observedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.observedAtMs === "number")
                        object.observedAtMs = options.longs === $String ? $String(message.observedAtMs) : message.observedAtMs;
                    else
                        object.observedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.observedAtMs) : options.longs === $Number ? new $util.LongBits(message.observedAtMs.low >>> 0, message.observedAtMs.high >>> 0).toNumber() : message.observedAtMs;
                return object;
            };

            /**
             * Converts this HostInfo to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.HostInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HostInfo.prototype.toJSON = function() {
                return HostInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HostInfo;
        })();

        v1.NetInterface = (function() {

            /**
             * Properties of a NetInterface.
             * @typedef {Object} pushtrace.v1.NetInterface.$Properties
             * @property {string|null} [name] NetInterface name
             * @property {string|null} [mac] NetInterface mac
             * @property {Array.<string>|null} [addresses] NetInterface addresses
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NetInterface.
             * @memberof pushtrace.v1
             * @interface INetInterface
             * @augments pushtrace.v1.NetInterface.$Properties
             * @deprecated Use pushtrace.v1.NetInterface.$Properties instead.
             */

            /**
             * Shape of a NetInterface.
             * @typedef {pushtrace.v1.NetInterface.$Properties} pushtrace.v1.NetInterface.$Shape
             */

            /**
             * Constructs a new NetInterface.
             * @memberof pushtrace.v1
             * @classdesc Represents a NetInterface.
             * @constructor
             * @param {pushtrace.v1.NetInterface.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NetInterface = function (properties) {
                this.addresses = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NetInterface name.
             * @member {string} name
             * @memberof pushtrace.v1.NetInterface
             * @instance
             */
            NetInterface.prototype.name = "";

            /**
             * NetInterface mac.
             * @member {string} mac
             * @memberof pushtrace.v1.NetInterface
             * @instance
             */
            NetInterface.prototype.mac = "";

            /**
             * NetInterface addresses.
             * @member {Array.<string>} addresses
             * @memberof pushtrace.v1.NetInterface
             * @instance
             */
            NetInterface.prototype.addresses = $util.emptyArray;

            /**
             * Creates a new NetInterface instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.NetInterface
             * @static
             * @param {pushtrace.v1.NetInterface.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.NetInterface} NetInterface instance
             * @type {{
             *   (properties: pushtrace.v1.NetInterface.$Shape): pushtrace.v1.NetInterface & pushtrace.v1.NetInterface.$Shape;
             *   (properties?: pushtrace.v1.NetInterface.$Properties): pushtrace.v1.NetInterface;
             * }}
             */
            NetInterface.create = function(properties) {
                return new NetInterface(properties);
            };

            /**
             * Encodes the specified NetInterface message. Does not implicitly {@link pushtrace.v1.NetInterface.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.NetInterface
             * @static
             * @param {pushtrace.v1.NetInterface.$Properties} message NetInterface message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetInterface.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.mac != null && $Object.hasOwnProperty.call(message, "mac") && message.mac !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.mac);
                if (message.addresses != null && message.addresses.length)
                    for (let i = 0; i < message.addresses.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.addresses[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified NetInterface message, length delimited. Does not implicitly {@link pushtrace.v1.NetInterface.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.NetInterface
             * @static
             * @param {pushtrace.v1.NetInterface.$Properties} message NetInterface message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetInterface.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a NetInterface message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.NetInterface
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.NetInterface & pushtrace.v1.NetInterface.$Shape} NetInterface
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetInterface.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.NetInterface();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mac = value;
                            else
                                delete message.mac;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.addresses && message.addresses.length))
                                message.addresses = [];
                            message.addresses.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a NetInterface message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.NetInterface
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.NetInterface & pushtrace.v1.NetInterface.$Shape} NetInterface
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetInterface.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a NetInterface message.
             * @function verify
             * @memberof pushtrace.v1.NetInterface
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            NetInterface.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.mac != null && $Object.hasOwnProperty.call(message, "mac"))
                    if (!$util.isString(message.mac))
                        return "mac: string expected";
                if (message.addresses != null && $Object.hasOwnProperty.call(message, "addresses")) {
                    if (!$Array.isArray(message.addresses))
                        return "addresses: array expected";
                    for (let i = 0; i < message.addresses.length; ++i)
                        if (!$util.isString(message.addresses[i]))
                            return "addresses: string[] expected";
                }
                return null;
            };

            /**
             * Creates a NetInterface message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.NetInterface
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.NetInterface} NetInterface
             */
            NetInterface.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.NetInterface)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.NetInterface: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.NetInterface();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.mac != null)
                    if (typeof object.mac !== "string" || object.mac.length)
                        message.mac = $String(object.mac);
                if (object.addresses) {
                    if (!$Array.isArray(object.addresses))
                        throw $TypeError(".pushtrace.v1.NetInterface.addresses: array expected");
                    message.addresses = $Array(object.addresses.length);
                    for (let i = 0; i < object.addresses.length; ++i)
                        message.addresses[i] = $String(object.addresses[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a NetInterface message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.NetInterface
             * @static
             * @param {pushtrace.v1.NetInterface} message NetInterface
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NetInterface.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.addresses = [];
                if (options.defaults) {
                    object.name = "";
                    object.mac = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.mac != null && $Object.hasOwnProperty.call(message, "mac"))
                    object.mac = message.mac;
                if (message.addresses && message.addresses.length) {
                    object.addresses = $Array(message.addresses.length);
                    for (let j = 0; j < message.addresses.length; ++j)
                        object.addresses[j] = message.addresses[j];
                }
                return object;
            };

            /**
             * Converts this NetInterface to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.NetInterface
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NetInterface.prototype.toJSON = function() {
                return NetInterface.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NetInterface;
        })();

        v1.ProcessInfo = (function() {

            /**
             * Properties of a ProcessInfo.
             * @typedef {Object} pushtrace.v1.ProcessInfo.$Properties
             * @property {string|null} [processGuid] ProcessInfo processGuid
             * @property {number|null} [pid] ProcessInfo pid
             * @property {number|null} [ppid] ProcessInfo ppid
             * @property {number|null} [startTimeMs] ProcessInfo startTimeMs
             * @property {string|null} [name] ProcessInfo name
             * @property {string|null} [path] ProcessInfo path
             * @property {Array.<string>|null} [argv] ProcessInfo argv
             * @property {string|null} [cmdline] ProcessInfo cmdline
             * @property {string|null} [username] ProcessInfo username
             * @property {number|null} [uid] ProcessInfo uid
             * @property {string|null} [sha256] ProcessInfo sha256
             * @property {string|null} [md5] ProcessInfo md5
             * @property {string|null} [hashError] ProcessInfo hashError
             * @property {number|null} [observedAtMs] ProcessInfo observedAtMs
             * @property {boolean|null} [exeDeleted] ProcessInfo exeDeleted
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProcessInfo.
             * @memberof pushtrace.v1
             * @interface IProcessInfo
             * @augments pushtrace.v1.ProcessInfo.$Properties
             * @deprecated Use pushtrace.v1.ProcessInfo.$Properties instead.
             */

            /**
             * Shape of a ProcessInfo.
             * @typedef {pushtrace.v1.ProcessInfo.$Properties} pushtrace.v1.ProcessInfo.$Shape
             */

            /**
             * Constructs a new ProcessInfo.
             * @memberof pushtrace.v1
             * @classdesc Represents a ProcessInfo.
             * @constructor
             * @param {pushtrace.v1.ProcessInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ProcessInfo = function (properties) {
                this.argv = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProcessInfo processGuid.
             * @member {string} processGuid
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.processGuid = "";

            /**
             * ProcessInfo pid.
             * @member {number} pid
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.pid = 0;

            /**
             * ProcessInfo ppid.
             * @member {number} ppid
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.ppid = 0;

            /**
             * ProcessInfo startTimeMs.
             * @member {number} startTimeMs
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.startTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ProcessInfo name.
             * @member {string} name
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.name = "";

            /**
             * ProcessInfo path.
             * @member {string} path
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.path = "";

            /**
             * ProcessInfo argv.
             * @member {Array.<string>} argv
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.argv = $util.emptyArray;

            /**
             * ProcessInfo cmdline.
             * @member {string} cmdline
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.cmdline = "";

            /**
             * ProcessInfo username.
             * @member {string} username
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.username = "";

            /**
             * ProcessInfo uid.
             * @member {number} uid
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.uid = 0;

            /**
             * ProcessInfo sha256.
             * @member {string} sha256
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.sha256 = "";

            /**
             * ProcessInfo md5.
             * @member {string} md5
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.md5 = "";

            /**
             * ProcessInfo hashError.
             * @member {string} hashError
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.hashError = "";

            /**
             * ProcessInfo observedAtMs.
             * @member {number} observedAtMs
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.observedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ProcessInfo exeDeleted.
             * @member {boolean} exeDeleted
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             */
            ProcessInfo.prototype.exeDeleted = false;

            /**
             * Creates a new ProcessInfo instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.ProcessInfo
             * @static
             * @param {pushtrace.v1.ProcessInfo.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.ProcessInfo} ProcessInfo instance
             * @type {{
             *   (properties: pushtrace.v1.ProcessInfo.$Shape): pushtrace.v1.ProcessInfo & pushtrace.v1.ProcessInfo.$Shape;
             *   (properties?: pushtrace.v1.ProcessInfo.$Properties): pushtrace.v1.ProcessInfo;
             * }}
             */
            ProcessInfo.create = function(properties) {
                return new ProcessInfo(properties);
            };

            /**
             * Encodes the specified ProcessInfo message. Does not implicitly {@link pushtrace.v1.ProcessInfo.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.ProcessInfo
             * @static
             * @param {pushtrace.v1.ProcessInfo.$Properties} message ProcessInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProcessInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.processGuid != null && $Object.hasOwnProperty.call(message, "processGuid") && message.processGuid !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.processGuid);
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.pid);
                if (message.ppid != null && $Object.hasOwnProperty.call(message, "ppid") && message.ppid !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.ppid);
                if (message.startTimeMs != null && $Object.hasOwnProperty.call(message, "startTimeMs") && (typeof message.startTimeMs === "object" ? message.startTimeMs.low || message.startTimeMs.high : message.startTimeMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.startTimeMs);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.name);
                if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.path);
                if (message.argv != null && message.argv.length)
                    for (let i = 0; i < message.argv.length; ++i)
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.argv[i]);
                if (message.cmdline != null && $Object.hasOwnProperty.call(message, "cmdline") && message.cmdline !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.cmdline);
                if (message.username != null && $Object.hasOwnProperty.call(message, "username") && message.username !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.username);
                if (message.uid != null && $Object.hasOwnProperty.call(message, "uid") && message.uid !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.uid);
                if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256 !== "")
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.sha256);
                if (message.md5 != null && $Object.hasOwnProperty.call(message, "md5") && message.md5 !== "")
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.md5);
                if (message.hashError != null && $Object.hasOwnProperty.call(message, "hashError") && message.hashError !== "")
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.hashError);
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs") && (typeof message.observedAtMs === "object" ? message.observedAtMs.low || message.observedAtMs.high : message.observedAtMs !== 0))
                    writer.uint32(/* id 14, wireType 0 =*/112).int64(message.observedAtMs);
                if (message.exeDeleted != null && $Object.hasOwnProperty.call(message, "exeDeleted") && message.exeDeleted !== false)
                    writer.uint32(/* id 15, wireType 0 =*/120).bool(message.exeDeleted);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ProcessInfo message, length delimited. Does not implicitly {@link pushtrace.v1.ProcessInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.ProcessInfo
             * @static
             * @param {pushtrace.v1.ProcessInfo.$Properties} message ProcessInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProcessInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ProcessInfo message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.ProcessInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.ProcessInfo & pushtrace.v1.ProcessInfo.$Shape} ProcessInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProcessInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.ProcessInfo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.processGuid = value;
                            else
                                delete message.processGuid;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pid = value;
                            else
                                delete message.pid;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.ppid = value;
                            else
                                delete message.ppid;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.startTimeMs = value;
                            else
                                delete message.startTimeMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.path = value;
                            else
                                delete message.path;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.argv && message.argv.length))
                                message.argv = [];
                            message.argv.push(reader.stringVerify());
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.cmdline = value;
                            else
                                delete message.cmdline;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.username = value;
                            else
                                delete message.username;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.uid = value;
                            else
                                delete message.uid;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sha256 = value;
                            else
                                delete message.sha256;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.md5 = value;
                            else
                                delete message.md5;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hashError = value;
                            else
                                delete message.hashError;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.observedAtMs = value;
                            else
                                delete message.observedAtMs;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.exeDeleted = value;
                            else
                                delete message.exeDeleted;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ProcessInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.ProcessInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.ProcessInfo & pushtrace.v1.ProcessInfo.$Shape} ProcessInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProcessInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ProcessInfo message.
             * @function verify
             * @memberof pushtrace.v1.ProcessInfo
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ProcessInfo.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.processGuid != null && $Object.hasOwnProperty.call(message, "processGuid"))
                    if (!$util.isString(message.processGuid))
                        return "processGuid: string expected";
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    if (!$util.isInteger(message.pid))
                        return "pid: integer expected";
                if (message.ppid != null && $Object.hasOwnProperty.call(message, "ppid"))
                    if (!$util.isInteger(message.ppid))
                        return "ppid: integer expected";
                if (message.startTimeMs != null && $Object.hasOwnProperty.call(message, "startTimeMs"))
                    if (!$util.isInteger(message.startTimeMs) && !(message.startTimeMs && $util.isInteger(message.startTimeMs.low) && $util.isInteger(message.startTimeMs.high)))
                        return "startTimeMs: integer|Long expected";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.path != null && $Object.hasOwnProperty.call(message, "path"))
                    if (!$util.isString(message.path))
                        return "path: string expected";
                if (message.argv != null && $Object.hasOwnProperty.call(message, "argv")) {
                    if (!$Array.isArray(message.argv))
                        return "argv: array expected";
                    for (let i = 0; i < message.argv.length; ++i)
                        if (!$util.isString(message.argv[i]))
                            return "argv: string[] expected";
                }
                if (message.cmdline != null && $Object.hasOwnProperty.call(message, "cmdline"))
                    if (!$util.isString(message.cmdline))
                        return "cmdline: string expected";
                if (message.username != null && $Object.hasOwnProperty.call(message, "username"))
                    if (!$util.isString(message.username))
                        return "username: string expected";
                if (message.uid != null && $Object.hasOwnProperty.call(message, "uid"))
                    if (!$util.isInteger(message.uid))
                        return "uid: integer expected";
                if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256"))
                    if (!$util.isString(message.sha256))
                        return "sha256: string expected";
                if (message.md5 != null && $Object.hasOwnProperty.call(message, "md5"))
                    if (!$util.isString(message.md5))
                        return "md5: string expected";
                if (message.hashError != null && $Object.hasOwnProperty.call(message, "hashError"))
                    if (!$util.isString(message.hashError))
                        return "hashError: string expected";
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs"))
                    if (!$util.isInteger(message.observedAtMs) && !(message.observedAtMs && $util.isInteger(message.observedAtMs.low) && $util.isInteger(message.observedAtMs.high)))
                        return "observedAtMs: integer|Long expected";
                if (message.exeDeleted != null && $Object.hasOwnProperty.call(message, "exeDeleted"))
                    if (typeof message.exeDeleted !== "boolean")
                        return "exeDeleted: boolean expected";
                return null;
            };

            /**
             * Creates a ProcessInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.ProcessInfo
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.ProcessInfo} ProcessInfo
             */
            ProcessInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.ProcessInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.ProcessInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.ProcessInfo();
                if (object.processGuid != null)
                    if (typeof object.processGuid !== "string" || object.processGuid.length)
                        message.processGuid = $String(object.processGuid);
                if (object.pid != null)
                    if ($Number(object.pid) !== 0)
                        message.pid = object.pid >>> 0;
                if (object.ppid != null)
                    if ($Number(object.ppid) !== 0)
                        message.ppid = object.ppid >>> 0;
                if (object.startTimeMs != null)
                    if (typeof object.startTimeMs === "object" ? object.startTimeMs.low || object.startTimeMs.high : $Number(object.startTimeMs) !== 0)
                        if ($util.Long)
                            message.startTimeMs = $util.Long.fromValue(object.startTimeMs, false);
                        else if (typeof object.startTimeMs === "string")
                            message.startTimeMs = $parseInt(object.startTimeMs, 10);
                        else if (typeof object.startTimeMs === "number")
                            message.startTimeMs = object.startTimeMs;
                        else if (typeof object.startTimeMs === "object")
                            message.startTimeMs = new $util.LongBits(object.startTimeMs.low >>> 0, object.startTimeMs.high >>> 0).toNumber();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.path != null)
                    if (typeof object.path !== "string" || object.path.length)
                        message.path = $String(object.path);
                if (object.argv) {
                    if (!$Array.isArray(object.argv))
                        throw $TypeError(".pushtrace.v1.ProcessInfo.argv: array expected");
                    message.argv = $Array(object.argv.length);
                    for (let i = 0; i < object.argv.length; ++i)
                        message.argv[i] = $String(object.argv[i]);
                }
                if (object.cmdline != null)
                    if (typeof object.cmdline !== "string" || object.cmdline.length)
                        message.cmdline = $String(object.cmdline);
                if (object.username != null)
                    if (typeof object.username !== "string" || object.username.length)
                        message.username = $String(object.username);
                if (object.uid != null)
                    if ($Number(object.uid) !== 0)
                        message.uid = object.uid >>> 0;
                if (object.sha256 != null)
                    if (typeof object.sha256 !== "string" || object.sha256.length)
                        message.sha256 = $String(object.sha256);
                if (object.md5 != null)
                    if (typeof object.md5 !== "string" || object.md5.length)
                        message.md5 = $String(object.md5);
                if (object.hashError != null)
                    if (typeof object.hashError !== "string" || object.hashError.length)
                        message.hashError = $String(object.hashError);
                if (object.observedAtMs != null)
                    if (typeof object.observedAtMs === "object" ? object.observedAtMs.low || object.observedAtMs.high : $Number(object.observedAtMs) !== 0)
                        if ($util.Long)
                            message.observedAtMs = $util.Long.fromValue(object.observedAtMs, false);
                        else if (typeof object.observedAtMs === "string")
                            message.observedAtMs = $parseInt(object.observedAtMs, 10);
                        else if (typeof object.observedAtMs === "number")
                            message.observedAtMs = object.observedAtMs;
                        else if (typeof object.observedAtMs === "object")
                            message.observedAtMs = new $util.LongBits(object.observedAtMs.low >>> 0, object.observedAtMs.high >>> 0).toNumber();
                if (object.exeDeleted != null)
                    if (object.exeDeleted)
                        message.exeDeleted = $Boolean(object.exeDeleted);
                return message;
            };

            /**
             * Creates a plain object from a ProcessInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.ProcessInfo
             * @static
             * @param {pushtrace.v1.ProcessInfo} message ProcessInfo
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProcessInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.argv = [];
                if (options.defaults) {
                    object.processGuid = "";
                    object.pid = 0;
                    object.ppid = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.startTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.startTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.name = "";
                    object.path = "";
                    object.cmdline = "";
                    object.username = "";
                    object.uid = 0;
                    object.sha256 = "";
                    object.md5 = "";
                    object.hashError = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.observedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.observedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.exeDeleted = false;
                }
                if (message.processGuid != null && $Object.hasOwnProperty.call(message, "processGuid"))
                    object.processGuid = message.processGuid;
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    object.pid = message.pid;
                if (message.ppid != null && $Object.hasOwnProperty.call(message, "ppid"))
                    object.ppid = message.ppid;
                if (message.startTimeMs != null && $Object.hasOwnProperty.call(message, "startTimeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.startTimeMs = typeof message.startTimeMs === "number" ? $BigInt(message.startTimeMs) : $util.Long.fromBits(message.startTimeMs.low >>> 0, message.startTimeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.startTimeMs === "number")
                        object.startTimeMs = options.longs === $String ? $String(message.startTimeMs) : message.startTimeMs;
                    else
                        object.startTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.startTimeMs) : options.longs === $Number ? new $util.LongBits(message.startTimeMs.low >>> 0, message.startTimeMs.high >>> 0).toNumber() : message.startTimeMs;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.path != null && $Object.hasOwnProperty.call(message, "path"))
                    object.path = message.path;
                if (message.argv && message.argv.length) {
                    object.argv = $Array(message.argv.length);
                    for (let j = 0; j < message.argv.length; ++j)
                        object.argv[j] = message.argv[j];
                }
                if (message.cmdline != null && $Object.hasOwnProperty.call(message, "cmdline"))
                    object.cmdline = message.cmdline;
                if (message.username != null && $Object.hasOwnProperty.call(message, "username"))
                    object.username = message.username;
                if (message.uid != null && $Object.hasOwnProperty.call(message, "uid"))
                    object.uid = message.uid;
                if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256"))
                    object.sha256 = message.sha256;
                if (message.md5 != null && $Object.hasOwnProperty.call(message, "md5"))
                    object.md5 = message.md5;
                if (message.hashError != null && $Object.hasOwnProperty.call(message, "hashError"))
                    object.hashError = message.hashError;
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.observedAtMs = typeof message.observedAtMs === "number" ? $BigInt(message.observedAtMs) : $util.Long.fromBits(message.observedAtMs.low >>> 0, message.observedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.observedAtMs === "number")
                        object.observedAtMs = options.longs === $String ? $String(message.observedAtMs) : message.observedAtMs;
                    else
                        object.observedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.observedAtMs) : options.longs === $Number ? new $util.LongBits(message.observedAtMs.low >>> 0, message.observedAtMs.high >>> 0).toNumber() : message.observedAtMs;
                if (message.exeDeleted != null && $Object.hasOwnProperty.call(message, "exeDeleted"))
                    object.exeDeleted = message.exeDeleted;
                return object;
            };

            /**
             * Converts this ProcessInfo to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.ProcessInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProcessInfo.prototype.toJSON = function() {
                return ProcessInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ProcessInfo;
        })();

        v1.NetconnBatch = (function() {

            /**
             * Properties of a NetconnBatch.
             * @typedef {Object} pushtrace.v1.NetconnBatch.$Properties
             * @property {Array.<pushtrace.v1.NetconnEvent.$Properties>|null} [events] NetconnBatch events
             * @property {number|null} [sampledAtMs] NetconnBatch sampledAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NetconnBatch.
             * @memberof pushtrace.v1
             * @interface INetconnBatch
             * @augments pushtrace.v1.NetconnBatch.$Properties
             * @deprecated Use pushtrace.v1.NetconnBatch.$Properties instead.
             */

            /**
             * Shape of a NetconnBatch.
             * @typedef {pushtrace.v1.NetconnBatch.$Properties} pushtrace.v1.NetconnBatch.$Shape
             */

            /**
             * Constructs a new NetconnBatch.
             * @memberof pushtrace.v1
             * @classdesc Represents a NetconnBatch.
             * @constructor
             * @param {pushtrace.v1.NetconnBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NetconnBatch = function (properties) {
                this.events = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NetconnBatch events.
             * @member {Array.<pushtrace.v1.NetconnEvent.$Properties>} events
             * @memberof pushtrace.v1.NetconnBatch
             * @instance
             */
            NetconnBatch.prototype.events = $util.emptyArray;

            /**
             * NetconnBatch sampledAtMs.
             * @member {number} sampledAtMs
             * @memberof pushtrace.v1.NetconnBatch
             * @instance
             */
            NetconnBatch.prototype.sampledAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new NetconnBatch instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.NetconnBatch
             * @static
             * @param {pushtrace.v1.NetconnBatch.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.NetconnBatch} NetconnBatch instance
             * @type {{
             *   (properties: pushtrace.v1.NetconnBatch.$Shape): pushtrace.v1.NetconnBatch & pushtrace.v1.NetconnBatch.$Shape;
             *   (properties?: pushtrace.v1.NetconnBatch.$Properties): pushtrace.v1.NetconnBatch;
             * }}
             */
            NetconnBatch.create = function(properties) {
                return new NetconnBatch(properties);
            };

            /**
             * Encodes the specified NetconnBatch message. Does not implicitly {@link pushtrace.v1.NetconnBatch.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.NetconnBatch
             * @static
             * @param {pushtrace.v1.NetconnBatch.$Properties} message NetconnBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetconnBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.events != null && message.events.length)
                    for (let i = 0; i < message.events.length; ++i)
                        $root.pushtrace.v1.NetconnEvent.encode(message.events[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.sampledAtMs != null && $Object.hasOwnProperty.call(message, "sampledAtMs") && (typeof message.sampledAtMs === "object" ? message.sampledAtMs.low || message.sampledAtMs.high : message.sampledAtMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.sampledAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified NetconnBatch message, length delimited. Does not implicitly {@link pushtrace.v1.NetconnBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.NetconnBatch
             * @static
             * @param {pushtrace.v1.NetconnBatch.$Properties} message NetconnBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetconnBatch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a NetconnBatch message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.NetconnBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.NetconnBatch & pushtrace.v1.NetconnBatch.$Shape} NetconnBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetconnBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.NetconnBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.events && message.events.length))
                                message.events = [];
                            message.events.push($root.pushtrace.v1.NetconnEvent.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sampledAtMs = value;
                            else
                                delete message.sampledAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a NetconnBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.NetconnBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.NetconnBatch & pushtrace.v1.NetconnBatch.$Shape} NetconnBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetconnBatch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a NetconnBatch message.
             * @function verify
             * @memberof pushtrace.v1.NetconnBatch
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            NetconnBatch.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.events != null && $Object.hasOwnProperty.call(message, "events")) {
                    if (!$Array.isArray(message.events))
                        return "events: array expected";
                    for (let i = 0; i < message.events.length; ++i) {
                        let error = $root.pushtrace.v1.NetconnEvent.verify(message.events[i], _depth + 1);
                        if (error)
                            return "events." + error;
                    }
                }
                if (message.sampledAtMs != null && $Object.hasOwnProperty.call(message, "sampledAtMs"))
                    if (!$util.isInteger(message.sampledAtMs) && !(message.sampledAtMs && $util.isInteger(message.sampledAtMs.low) && $util.isInteger(message.sampledAtMs.high)))
                        return "sampledAtMs: integer|Long expected";
                return null;
            };

            /**
             * Creates a NetconnBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.NetconnBatch
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.NetconnBatch} NetconnBatch
             */
            NetconnBatch.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.NetconnBatch)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.NetconnBatch: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.NetconnBatch();
                if (object.events) {
                    if (!$Array.isArray(object.events))
                        throw $TypeError(".pushtrace.v1.NetconnBatch.events: array expected");
                    message.events = $Array(object.events.length);
                    for (let i = 0; i < object.events.length; ++i) {
                        if (!$util.isObject(object.events[i]))
                            throw $TypeError(".pushtrace.v1.NetconnBatch.events: object expected");
                        message.events[i] = $root.pushtrace.v1.NetconnEvent.fromObject(object.events[i], _depth + 1);
                    }
                }
                if (object.sampledAtMs != null)
                    if (typeof object.sampledAtMs === "object" ? object.sampledAtMs.low || object.sampledAtMs.high : $Number(object.sampledAtMs) !== 0)
                        if ($util.Long)
                            message.sampledAtMs = $util.Long.fromValue(object.sampledAtMs, false);
                        else if (typeof object.sampledAtMs === "string")
                            message.sampledAtMs = $parseInt(object.sampledAtMs, 10);
                        else if (typeof object.sampledAtMs === "number")
                            message.sampledAtMs = object.sampledAtMs;
                        else if (typeof object.sampledAtMs === "object")
                            message.sampledAtMs = new $util.LongBits(object.sampledAtMs.low >>> 0, object.sampledAtMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a NetconnBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.NetconnBatch
             * @static
             * @param {pushtrace.v1.NetconnBatch} message NetconnBatch
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NetconnBatch.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.events = [];
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sampledAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sampledAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.events && message.events.length) {
                    object.events = $Array(message.events.length);
                    for (let j = 0; j < message.events.length; ++j)
                        object.events[j] = $root.pushtrace.v1.NetconnEvent.toObject(message.events[j], options, _depth + 1);
                }
                if (message.sampledAtMs != null && $Object.hasOwnProperty.call(message, "sampledAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sampledAtMs = typeof message.sampledAtMs === "number" ? $BigInt(message.sampledAtMs) : $util.Long.fromBits(message.sampledAtMs.low >>> 0, message.sampledAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.sampledAtMs === "number")
                        object.sampledAtMs = options.longs === $String ? $String(message.sampledAtMs) : message.sampledAtMs;
                    else
                        object.sampledAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.sampledAtMs) : options.longs === $Number ? new $util.LongBits(message.sampledAtMs.low >>> 0, message.sampledAtMs.high >>> 0).toNumber() : message.sampledAtMs;
                return object;
            };

            /**
             * Converts this NetconnBatch to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.NetconnBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NetconnBatch.prototype.toJSON = function() {
                return NetconnBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NetconnBatch;
        })();

        v1.NetconnEvent = (function() {

            /**
             * Properties of a NetconnEvent.
             * @typedef {Object} pushtrace.v1.NetconnEvent.$Properties
             * @property {pushtrace.v1.NetconnEvent.Kind|null} [kind] NetconnEvent kind
             * @property {string|null} [connId] NetconnEvent connId
             * @property {pushtrace.v1.NetconnEvent.Protocol|null} [protocol] NetconnEvent protocol
             * @property {pushtrace.v1.NetconnEvent.Direction|null} [direction] NetconnEvent direction
             * @property {string|null} [processGuid] NetconnEvent processGuid
             * @property {number|null} [pid] NetconnEvent pid
             * @property {string|null} [localIp] NetconnEvent localIp
             * @property {number|null} [localPort] NetconnEvent localPort
             * @property {string|null} [remoteIp] NetconnEvent remoteIp
             * @property {number|null} [remotePort] NetconnEvent remotePort
             * @property {string|null} [state] NetconnEvent state
             * @property {number|null} [firstSeenMs] NetconnEvent firstSeenMs
             * @property {number|null} [lastSeenMs] NetconnEvent lastSeenMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NetconnEvent.
             * @memberof pushtrace.v1
             * @interface INetconnEvent
             * @augments pushtrace.v1.NetconnEvent.$Properties
             * @deprecated Use pushtrace.v1.NetconnEvent.$Properties instead.
             */

            /**
             * Shape of a NetconnEvent.
             * @typedef {pushtrace.v1.NetconnEvent.$Properties} pushtrace.v1.NetconnEvent.$Shape
             */

            /**
             * Constructs a new NetconnEvent.
             * @memberof pushtrace.v1
             * @classdesc Represents a NetconnEvent.
             * @constructor
             * @param {pushtrace.v1.NetconnEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NetconnEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NetconnEvent kind.
             * @member {pushtrace.v1.NetconnEvent.Kind} kind
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.kind = 0;

            /**
             * NetconnEvent connId.
             * @member {string} connId
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.connId = "";

            /**
             * NetconnEvent protocol.
             * @member {pushtrace.v1.NetconnEvent.Protocol} protocol
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.protocol = 0;

            /**
             * NetconnEvent direction.
             * @member {pushtrace.v1.NetconnEvent.Direction} direction
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.direction = 0;

            /**
             * NetconnEvent processGuid.
             * @member {string} processGuid
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.processGuid = "";

            /**
             * NetconnEvent pid.
             * @member {number} pid
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.pid = 0;

            /**
             * NetconnEvent localIp.
             * @member {string} localIp
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.localIp = "";

            /**
             * NetconnEvent localPort.
             * @member {number} localPort
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.localPort = 0;

            /**
             * NetconnEvent remoteIp.
             * @member {string} remoteIp
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.remoteIp = "";

            /**
             * NetconnEvent remotePort.
             * @member {number} remotePort
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.remotePort = 0;

            /**
             * NetconnEvent state.
             * @member {string} state
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.state = "";

            /**
             * NetconnEvent firstSeenMs.
             * @member {number} firstSeenMs
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.firstSeenMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * NetconnEvent lastSeenMs.
             * @member {number} lastSeenMs
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             */
            NetconnEvent.prototype.lastSeenMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new NetconnEvent instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.NetconnEvent
             * @static
             * @param {pushtrace.v1.NetconnEvent.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.NetconnEvent} NetconnEvent instance
             * @type {{
             *   (properties: pushtrace.v1.NetconnEvent.$Shape): pushtrace.v1.NetconnEvent & pushtrace.v1.NetconnEvent.$Shape;
             *   (properties?: pushtrace.v1.NetconnEvent.$Properties): pushtrace.v1.NetconnEvent;
             * }}
             */
            NetconnEvent.create = function(properties) {
                return new NetconnEvent(properties);
            };

            /**
             * Encodes the specified NetconnEvent message. Does not implicitly {@link pushtrace.v1.NetconnEvent.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.NetconnEvent
             * @static
             * @param {pushtrace.v1.NetconnEvent.$Properties} message NetconnEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetconnEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
                if (message.connId != null && $Object.hasOwnProperty.call(message, "connId") && message.connId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.connId);
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol") && message.protocol !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.protocol);
                if (message.direction != null && $Object.hasOwnProperty.call(message, "direction") && message.direction !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.direction);
                if (message.processGuid != null && $Object.hasOwnProperty.call(message, "processGuid") && message.processGuid !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.processGuid);
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.pid);
                if (message.localIp != null && $Object.hasOwnProperty.call(message, "localIp") && message.localIp !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.localIp);
                if (message.localPort != null && $Object.hasOwnProperty.call(message, "localPort") && message.localPort !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.localPort);
                if (message.remoteIp != null && $Object.hasOwnProperty.call(message, "remoteIp") && message.remoteIp !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.remoteIp);
                if (message.remotePort != null && $Object.hasOwnProperty.call(message, "remotePort") && message.remotePort !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.remotePort);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== "")
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.state);
                if (message.firstSeenMs != null && $Object.hasOwnProperty.call(message, "firstSeenMs") && (typeof message.firstSeenMs === "object" ? message.firstSeenMs.low || message.firstSeenMs.high : message.firstSeenMs !== 0))
                    writer.uint32(/* id 12, wireType 0 =*/96).int64(message.firstSeenMs);
                if (message.lastSeenMs != null && $Object.hasOwnProperty.call(message, "lastSeenMs") && (typeof message.lastSeenMs === "object" ? message.lastSeenMs.low || message.lastSeenMs.high : message.lastSeenMs !== 0))
                    writer.uint32(/* id 13, wireType 0 =*/104).int64(message.lastSeenMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified NetconnEvent message, length delimited. Does not implicitly {@link pushtrace.v1.NetconnEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.NetconnEvent
             * @static
             * @param {pushtrace.v1.NetconnEvent.$Properties} message NetconnEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetconnEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a NetconnEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.NetconnEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.NetconnEvent & pushtrace.v1.NetconnEvent.$Shape} NetconnEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetconnEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.NetconnEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.connId = value;
                            else
                                delete message.connId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.protocol = value;
                            else
                                delete message.protocol;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.direction = value;
                            else
                                delete message.direction;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.processGuid = value;
                            else
                                delete message.processGuid;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pid = value;
                            else
                                delete message.pid;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.localIp = value;
                            else
                                delete message.localIp;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.localPort = value;
                            else
                                delete message.localPort;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.remoteIp = value;
                            else
                                delete message.remoteIp;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.remotePort = value;
                            else
                                delete message.remotePort;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.firstSeenMs = value;
                            else
                                delete message.firstSeenMs;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastSeenMs = value;
                            else
                                delete message.lastSeenMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a NetconnEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.NetconnEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.NetconnEvent & pushtrace.v1.NetconnEvent.$Shape} NetconnEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetconnEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a NetconnEvent message.
             * @function verify
             * @memberof pushtrace.v1.NetconnEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            NetconnEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    if (typeof message.kind !== "number" || (message.kind | 0) !== message.kind)
                        return "kind: enum value expected";
                if (message.connId != null && $Object.hasOwnProperty.call(message, "connId"))
                    if (!$util.isString(message.connId))
                        return "connId: string expected";
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol"))
                    if (typeof message.protocol !== "number" || (message.protocol | 0) !== message.protocol)
                        return "protocol: enum value expected";
                if (message.direction != null && $Object.hasOwnProperty.call(message, "direction"))
                    if (typeof message.direction !== "number" || (message.direction | 0) !== message.direction)
                        return "direction: enum value expected";
                if (message.processGuid != null && $Object.hasOwnProperty.call(message, "processGuid"))
                    if (!$util.isString(message.processGuid))
                        return "processGuid: string expected";
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    if (!$util.isInteger(message.pid))
                        return "pid: integer expected";
                if (message.localIp != null && $Object.hasOwnProperty.call(message, "localIp"))
                    if (!$util.isString(message.localIp))
                        return "localIp: string expected";
                if (message.localPort != null && $Object.hasOwnProperty.call(message, "localPort"))
                    if (!$util.isInteger(message.localPort))
                        return "localPort: integer expected";
                if (message.remoteIp != null && $Object.hasOwnProperty.call(message, "remoteIp"))
                    if (!$util.isString(message.remoteIp))
                        return "remoteIp: string expected";
                if (message.remotePort != null && $Object.hasOwnProperty.call(message, "remotePort"))
                    if (!$util.isInteger(message.remotePort))
                        return "remotePort: integer expected";
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    if (!$util.isString(message.state))
                        return "state: string expected";
                if (message.firstSeenMs != null && $Object.hasOwnProperty.call(message, "firstSeenMs"))
                    if (!$util.isInteger(message.firstSeenMs) && !(message.firstSeenMs && $util.isInteger(message.firstSeenMs.low) && $util.isInteger(message.firstSeenMs.high)))
                        return "firstSeenMs: integer|Long expected";
                if (message.lastSeenMs != null && $Object.hasOwnProperty.call(message, "lastSeenMs"))
                    if (!$util.isInteger(message.lastSeenMs) && !(message.lastSeenMs && $util.isInteger(message.lastSeenMs.low) && $util.isInteger(message.lastSeenMs.high)))
                        return "lastSeenMs: integer|Long expected";
                return null;
            };

            /**
             * Creates a NetconnEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.NetconnEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.NetconnEvent} NetconnEvent
             */
            NetconnEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.NetconnEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.NetconnEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.NetconnEvent();
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.pushtrace.v1.NetconnEvent.Kind[object.kind] !== 0))
                    switch (object.kind) {
                    case "KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "OPEN":
                    case 1:
                        message.kind = 1;
                        break;
                    case "CLOSE":
                    case 2:
                        message.kind = 2;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.connId != null)
                    if (typeof object.connId !== "string" || object.connId.length)
                        message.connId = $String(object.connId);
                if (object.protocol !== 0 && (typeof object.protocol !== "string" || $root.pushtrace.v1.NetconnEvent.Protocol[object.protocol] !== 0))
                    switch (object.protocol) {
                    case "PROTOCOL_UNSPECIFIED":
                    case 0:
                        message.protocol = 0;
                        break;
                    case "TCP":
                    case 1:
                        message.protocol = 1;
                        break;
                    case "UDP":
                    case 2:
                        message.protocol = 2;
                        break;
                    default:
                        if (typeof object.protocol === "number" && (object.protocol | 0) === object.protocol)
                            message.protocol = object.protocol;
                    }
                if (object.direction !== 0 && (typeof object.direction !== "string" || $root.pushtrace.v1.NetconnEvent.Direction[object.direction] !== 0))
                    switch (object.direction) {
                    case "DIRECTION_UNSPECIFIED":
                    case 0:
                        message.direction = 0;
                        break;
                    case "OUTBOUND":
                    case 1:
                        message.direction = 1;
                        break;
                    case "INBOUND":
                    case 2:
                        message.direction = 2;
                        break;
                    default:
                        if (typeof object.direction === "number" && (object.direction | 0) === object.direction)
                            message.direction = object.direction;
                    }
                if (object.processGuid != null)
                    if (typeof object.processGuid !== "string" || object.processGuid.length)
                        message.processGuid = $String(object.processGuid);
                if (object.pid != null)
                    if ($Number(object.pid) !== 0)
                        message.pid = object.pid >>> 0;
                if (object.localIp != null)
                    if (typeof object.localIp !== "string" || object.localIp.length)
                        message.localIp = $String(object.localIp);
                if (object.localPort != null)
                    if ($Number(object.localPort) !== 0)
                        message.localPort = object.localPort >>> 0;
                if (object.remoteIp != null)
                    if (typeof object.remoteIp !== "string" || object.remoteIp.length)
                        message.remoteIp = $String(object.remoteIp);
                if (object.remotePort != null)
                    if ($Number(object.remotePort) !== 0)
                        message.remotePort = object.remotePort >>> 0;
                if (object.state != null)
                    if (typeof object.state !== "string" || object.state.length)
                        message.state = $String(object.state);
                if (object.firstSeenMs != null)
                    if (typeof object.firstSeenMs === "object" ? object.firstSeenMs.low || object.firstSeenMs.high : $Number(object.firstSeenMs) !== 0)
                        if ($util.Long)
                            message.firstSeenMs = $util.Long.fromValue(object.firstSeenMs, false);
                        else if (typeof object.firstSeenMs === "string")
                            message.firstSeenMs = $parseInt(object.firstSeenMs, 10);
                        else if (typeof object.firstSeenMs === "number")
                            message.firstSeenMs = object.firstSeenMs;
                        else if (typeof object.firstSeenMs === "object")
                            message.firstSeenMs = new $util.LongBits(object.firstSeenMs.low >>> 0, object.firstSeenMs.high >>> 0).toNumber();
                if (object.lastSeenMs != null)
                    if (typeof object.lastSeenMs === "object" ? object.lastSeenMs.low || object.lastSeenMs.high : $Number(object.lastSeenMs) !== 0)
                        if ($util.Long)
                            message.lastSeenMs = $util.Long.fromValue(object.lastSeenMs, false);
                        else if (typeof object.lastSeenMs === "string")
                            message.lastSeenMs = $parseInt(object.lastSeenMs, 10);
                        else if (typeof object.lastSeenMs === "number")
                            message.lastSeenMs = object.lastSeenMs;
                        else if (typeof object.lastSeenMs === "object")
                            message.lastSeenMs = new $util.LongBits(object.lastSeenMs.low >>> 0, object.lastSeenMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a NetconnEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.NetconnEvent
             * @static
             * @param {pushtrace.v1.NetconnEvent} message NetconnEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NetconnEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.kind = options.enums === $String ? "KIND_UNSPECIFIED" : 0;
                    object.connId = "";
                    object.protocol = options.enums === $String ? "PROTOCOL_UNSPECIFIED" : 0;
                    object.direction = options.enums === $String ? "DIRECTION_UNSPECIFIED" : 0;
                    object.processGuid = "";
                    object.pid = 0;
                    object.localIp = "";
                    object.localPort = 0;
                    object.remoteIp = "";
                    object.remotePort = 0;
                    object.state = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.firstSeenMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.firstSeenMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.lastSeenMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.lastSeenMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.pushtrace.v1.NetconnEvent.Kind[message.kind] === $undefined ? message.kind : $root.pushtrace.v1.NetconnEvent.Kind[message.kind] : message.kind;
                if (message.connId != null && $Object.hasOwnProperty.call(message, "connId"))
                    object.connId = message.connId;
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol"))
                    object.protocol = options.enums === $String ? $root.pushtrace.v1.NetconnEvent.Protocol[message.protocol] === $undefined ? message.protocol : $root.pushtrace.v1.NetconnEvent.Protocol[message.protocol] : message.protocol;
                if (message.direction != null && $Object.hasOwnProperty.call(message, "direction"))
                    object.direction = options.enums === $String ? $root.pushtrace.v1.NetconnEvent.Direction[message.direction] === $undefined ? message.direction : $root.pushtrace.v1.NetconnEvent.Direction[message.direction] : message.direction;
                if (message.processGuid != null && $Object.hasOwnProperty.call(message, "processGuid"))
                    object.processGuid = message.processGuid;
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    object.pid = message.pid;
                if (message.localIp != null && $Object.hasOwnProperty.call(message, "localIp"))
                    object.localIp = message.localIp;
                if (message.localPort != null && $Object.hasOwnProperty.call(message, "localPort"))
                    object.localPort = message.localPort;
                if (message.remoteIp != null && $Object.hasOwnProperty.call(message, "remoteIp"))
                    object.remoteIp = message.remoteIp;
                if (message.remotePort != null && $Object.hasOwnProperty.call(message, "remotePort"))
                    object.remotePort = message.remotePort;
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = message.state;
                if (message.firstSeenMs != null && $Object.hasOwnProperty.call(message, "firstSeenMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.firstSeenMs = typeof message.firstSeenMs === "number" ? $BigInt(message.firstSeenMs) : $util.Long.fromBits(message.firstSeenMs.low >>> 0, message.firstSeenMs.high >>> 0, false).toBigInt();
                    else if (typeof message.firstSeenMs === "number")
                        object.firstSeenMs = options.longs === $String ? $String(message.firstSeenMs) : message.firstSeenMs;
                    else
                        object.firstSeenMs = options.longs === $String ? $util.Long.prototype.toString.call(message.firstSeenMs) : options.longs === $Number ? new $util.LongBits(message.firstSeenMs.low >>> 0, message.firstSeenMs.high >>> 0).toNumber() : message.firstSeenMs;
                if (message.lastSeenMs != null && $Object.hasOwnProperty.call(message, "lastSeenMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastSeenMs = typeof message.lastSeenMs === "number" ? $BigInt(message.lastSeenMs) : $util.Long.fromBits(message.lastSeenMs.low >>> 0, message.lastSeenMs.high >>> 0, false).toBigInt();
                    else if (typeof message.lastSeenMs === "number")
                        object.lastSeenMs = options.longs === $String ? $String(message.lastSeenMs) : message.lastSeenMs;
                    else
                        object.lastSeenMs = options.longs === $String ? $util.Long.prototype.toString.call(message.lastSeenMs) : options.longs === $Number ? new $util.LongBits(message.lastSeenMs.low >>> 0, message.lastSeenMs.high >>> 0).toNumber() : message.lastSeenMs;
                return object;
            };

            /**
             * Converts this NetconnEvent to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.NetconnEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NetconnEvent.prototype.toJSON = function() {
                return NetconnEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Kind enum.
             * @name pushtrace.v1.NetconnEvent.Kind
             * @enum {number}
             * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
             * @property {number} OPEN=1 OPEN value
             * @property {number} CLOSE=2 CLOSE value
             */
            NetconnEvent.Kind = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
                values[valuesById[1] = "OPEN"] = 1;
                values[valuesById[2] = "CLOSE"] = 2;
                return values;
            })();

            /**
             * Protocol enum.
             * @name pushtrace.v1.NetconnEvent.Protocol
             * @enum {number}
             * @property {number} PROTOCOL_UNSPECIFIED=0 PROTOCOL_UNSPECIFIED value
             * @property {number} TCP=1 TCP value
             * @property {number} UDP=2 UDP value
             */
            NetconnEvent.Protocol = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "PROTOCOL_UNSPECIFIED"] = 0;
                values[valuesById[1] = "TCP"] = 1;
                values[valuesById[2] = "UDP"] = 2;
                return values;
            })();

            /**
             * Direction enum.
             * @name pushtrace.v1.NetconnEvent.Direction
             * @enum {number}
             * @property {number} DIRECTION_UNSPECIFIED=0 DIRECTION_UNSPECIFIED value
             * @property {number} OUTBOUND=1 OUTBOUND value
             * @property {number} INBOUND=2 INBOUND value
             */
            NetconnEvent.Direction = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "DIRECTION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "OUTBOUND"] = 1;
                values[valuesById[2] = "INBOUND"] = 2;
                return values;
            })();

            return NetconnEvent;
        })();

        v1.ExternalIpObservation = (function() {

            /**
             * Properties of an ExternalIpObservation.
             * @typedef {Object} pushtrace.v1.ExternalIpObservation.$Properties
             * @property {string|null} [ip] ExternalIpObservation ip
             * @property {string|null} [resolver] ExternalIpObservation resolver
             * @property {number|null} [observedAtMs] ExternalIpObservation observedAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ExternalIpObservation.
             * @memberof pushtrace.v1
             * @interface IExternalIpObservation
             * @augments pushtrace.v1.ExternalIpObservation.$Properties
             * @deprecated Use pushtrace.v1.ExternalIpObservation.$Properties instead.
             */

            /**
             * Shape of an ExternalIpObservation.
             * @typedef {pushtrace.v1.ExternalIpObservation.$Properties} pushtrace.v1.ExternalIpObservation.$Shape
             */

            /**
             * Constructs a new ExternalIpObservation.
             * @memberof pushtrace.v1
             * @classdesc Represents an ExternalIpObservation.
             * @constructor
             * @param {pushtrace.v1.ExternalIpObservation.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ExternalIpObservation = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ExternalIpObservation ip.
             * @member {string} ip
             * @memberof pushtrace.v1.ExternalIpObservation
             * @instance
             */
            ExternalIpObservation.prototype.ip = "";

            /**
             * ExternalIpObservation resolver.
             * @member {string} resolver
             * @memberof pushtrace.v1.ExternalIpObservation
             * @instance
             */
            ExternalIpObservation.prototype.resolver = "";

            /**
             * ExternalIpObservation observedAtMs.
             * @member {number} observedAtMs
             * @memberof pushtrace.v1.ExternalIpObservation
             * @instance
             */
            ExternalIpObservation.prototype.observedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new ExternalIpObservation instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.ExternalIpObservation
             * @static
             * @param {pushtrace.v1.ExternalIpObservation.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.ExternalIpObservation} ExternalIpObservation instance
             * @type {{
             *   (properties: pushtrace.v1.ExternalIpObservation.$Shape): pushtrace.v1.ExternalIpObservation & pushtrace.v1.ExternalIpObservation.$Shape;
             *   (properties?: pushtrace.v1.ExternalIpObservation.$Properties): pushtrace.v1.ExternalIpObservation;
             * }}
             */
            ExternalIpObservation.create = function(properties) {
                return new ExternalIpObservation(properties);
            };

            /**
             * Encodes the specified ExternalIpObservation message. Does not implicitly {@link pushtrace.v1.ExternalIpObservation.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.ExternalIpObservation
             * @static
             * @param {pushtrace.v1.ExternalIpObservation.$Properties} message ExternalIpObservation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExternalIpObservation.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.ip);
                if (message.resolver != null && $Object.hasOwnProperty.call(message, "resolver") && message.resolver !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.resolver);
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs") && (typeof message.observedAtMs === "object" ? message.observedAtMs.low || message.observedAtMs.high : message.observedAtMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.observedAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ExternalIpObservation message, length delimited. Does not implicitly {@link pushtrace.v1.ExternalIpObservation.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.ExternalIpObservation
             * @static
             * @param {pushtrace.v1.ExternalIpObservation.$Properties} message ExternalIpObservation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExternalIpObservation.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ExternalIpObservation message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.ExternalIpObservation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.ExternalIpObservation & pushtrace.v1.ExternalIpObservation.$Shape} ExternalIpObservation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExternalIpObservation.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.ExternalIpObservation();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.resolver = value;
                            else
                                delete message.resolver;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.observedAtMs = value;
                            else
                                delete message.observedAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ExternalIpObservation message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.ExternalIpObservation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.ExternalIpObservation & pushtrace.v1.ExternalIpObservation.$Shape} ExternalIpObservation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExternalIpObservation.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ExternalIpObservation message.
             * @function verify
             * @memberof pushtrace.v1.ExternalIpObservation
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExternalIpObservation.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip"))
                    if (!$util.isString(message.ip))
                        return "ip: string expected";
                if (message.resolver != null && $Object.hasOwnProperty.call(message, "resolver"))
                    if (!$util.isString(message.resolver))
                        return "resolver: string expected";
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs"))
                    if (!$util.isInteger(message.observedAtMs) && !(message.observedAtMs && $util.isInteger(message.observedAtMs.low) && $util.isInteger(message.observedAtMs.high)))
                        return "observedAtMs: integer|Long expected";
                return null;
            };

            /**
             * Creates an ExternalIpObservation message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.ExternalIpObservation
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.ExternalIpObservation} ExternalIpObservation
             */
            ExternalIpObservation.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.ExternalIpObservation)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.ExternalIpObservation: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.ExternalIpObservation();
                if (object.ip != null)
                    if (typeof object.ip !== "string" || object.ip.length)
                        message.ip = $String(object.ip);
                if (object.resolver != null)
                    if (typeof object.resolver !== "string" || object.resolver.length)
                        message.resolver = $String(object.resolver);
                if (object.observedAtMs != null)
                    if (typeof object.observedAtMs === "object" ? object.observedAtMs.low || object.observedAtMs.high : $Number(object.observedAtMs) !== 0)
                        if ($util.Long)
                            message.observedAtMs = $util.Long.fromValue(object.observedAtMs, false);
                        else if (typeof object.observedAtMs === "string")
                            message.observedAtMs = $parseInt(object.observedAtMs, 10);
                        else if (typeof object.observedAtMs === "number")
                            message.observedAtMs = object.observedAtMs;
                        else if (typeof object.observedAtMs === "object")
                            message.observedAtMs = new $util.LongBits(object.observedAtMs.low >>> 0, object.observedAtMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from an ExternalIpObservation message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.ExternalIpObservation
             * @static
             * @param {pushtrace.v1.ExternalIpObservation} message ExternalIpObservation
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExternalIpObservation.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.ip = "";
                    object.resolver = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.observedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.observedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip"))
                    object.ip = message.ip;
                if (message.resolver != null && $Object.hasOwnProperty.call(message, "resolver"))
                    object.resolver = message.resolver;
                if (message.observedAtMs != null && $Object.hasOwnProperty.call(message, "observedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.observedAtMs = typeof message.observedAtMs === "number" ? $BigInt(message.observedAtMs) : $util.Long.fromBits(message.observedAtMs.low >>> 0, message.observedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.observedAtMs === "number")
                        object.observedAtMs = options.longs === $String ? $String(message.observedAtMs) : message.observedAtMs;
                    else
                        object.observedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.observedAtMs) : options.longs === $Number ? new $util.LongBits(message.observedAtMs.low >>> 0, message.observedAtMs.high >>> 0).toNumber() : message.observedAtMs;
                return object;
            };

            /**
             * Converts this ExternalIpObservation to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.ExternalIpObservation
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExternalIpObservation.prototype.toJSON = function() {
                return ExternalIpObservation.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ExternalIpObservation;
        })();

        v1.SpoolDropReport = (function() {

            /**
             * Properties of a SpoolDropReport.
             * @typedef {Object} pushtrace.v1.SpoolDropReport.$Properties
             * @property {number|null} [droppedMessages] SpoolDropReport droppedMessages
             * @property {number|null} [droppedBytes] SpoolDropReport droppedBytes
             * @property {number|null} [lastDroppedSeq] SpoolDropReport lastDroppedSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SpoolDropReport.
             * @memberof pushtrace.v1
             * @interface ISpoolDropReport
             * @augments pushtrace.v1.SpoolDropReport.$Properties
             * @deprecated Use pushtrace.v1.SpoolDropReport.$Properties instead.
             */

            /**
             * Shape of a SpoolDropReport.
             * @typedef {pushtrace.v1.SpoolDropReport.$Properties} pushtrace.v1.SpoolDropReport.$Shape
             */

            /**
             * Constructs a new SpoolDropReport.
             * @memberof pushtrace.v1
             * @classdesc Represents a SpoolDropReport.
             * @constructor
             * @param {pushtrace.v1.SpoolDropReport.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SpoolDropReport = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SpoolDropReport droppedMessages.
             * @member {number} droppedMessages
             * @memberof pushtrace.v1.SpoolDropReport
             * @instance
             */
            SpoolDropReport.prototype.droppedMessages = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SpoolDropReport droppedBytes.
             * @member {number} droppedBytes
             * @memberof pushtrace.v1.SpoolDropReport
             * @instance
             */
            SpoolDropReport.prototype.droppedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SpoolDropReport lastDroppedSeq.
             * @member {number} lastDroppedSeq
             * @memberof pushtrace.v1.SpoolDropReport
             * @instance
             */
            SpoolDropReport.prototype.lastDroppedSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new SpoolDropReport instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.SpoolDropReport
             * @static
             * @param {pushtrace.v1.SpoolDropReport.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.SpoolDropReport} SpoolDropReport instance
             * @type {{
             *   (properties: pushtrace.v1.SpoolDropReport.$Shape): pushtrace.v1.SpoolDropReport & pushtrace.v1.SpoolDropReport.$Shape;
             *   (properties?: pushtrace.v1.SpoolDropReport.$Properties): pushtrace.v1.SpoolDropReport;
             * }}
             */
            SpoolDropReport.create = function(properties) {
                return new SpoolDropReport(properties);
            };

            /**
             * Encodes the specified SpoolDropReport message. Does not implicitly {@link pushtrace.v1.SpoolDropReport.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.SpoolDropReport
             * @static
             * @param {pushtrace.v1.SpoolDropReport.$Properties} message SpoolDropReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SpoolDropReport.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.droppedMessages != null && $Object.hasOwnProperty.call(message, "droppedMessages") && (typeof message.droppedMessages === "object" ? message.droppedMessages.low || message.droppedMessages.high : message.droppedMessages !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.droppedMessages);
                if (message.droppedBytes != null && $Object.hasOwnProperty.call(message, "droppedBytes") && (typeof message.droppedBytes === "object" ? message.droppedBytes.low || message.droppedBytes.high : message.droppedBytes !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.droppedBytes);
                if (message.lastDroppedSeq != null && $Object.hasOwnProperty.call(message, "lastDroppedSeq") && (typeof message.lastDroppedSeq === "object" ? message.lastDroppedSeq.low || message.lastDroppedSeq.high : message.lastDroppedSeq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.lastDroppedSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified SpoolDropReport message, length delimited. Does not implicitly {@link pushtrace.v1.SpoolDropReport.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.SpoolDropReport
             * @static
             * @param {pushtrace.v1.SpoolDropReport.$Properties} message SpoolDropReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SpoolDropReport.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SpoolDropReport message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.SpoolDropReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.SpoolDropReport & pushtrace.v1.SpoolDropReport.$Shape} SpoolDropReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SpoolDropReport.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.SpoolDropReport();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.droppedMessages = value;
                            else
                                delete message.droppedMessages;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.droppedBytes = value;
                            else
                                delete message.droppedBytes;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastDroppedSeq = value;
                            else
                                delete message.lastDroppedSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a SpoolDropReport message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.SpoolDropReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.SpoolDropReport & pushtrace.v1.SpoolDropReport.$Shape} SpoolDropReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SpoolDropReport.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SpoolDropReport message.
             * @function verify
             * @memberof pushtrace.v1.SpoolDropReport
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SpoolDropReport.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.droppedMessages != null && $Object.hasOwnProperty.call(message, "droppedMessages"))
                    if (!$util.isInteger(message.droppedMessages) && !(message.droppedMessages && $util.isInteger(message.droppedMessages.low) && $util.isInteger(message.droppedMessages.high)))
                        return "droppedMessages: integer|Long expected";
                if (message.droppedBytes != null && $Object.hasOwnProperty.call(message, "droppedBytes"))
                    if (!$util.isInteger(message.droppedBytes) && !(message.droppedBytes && $util.isInteger(message.droppedBytes.low) && $util.isInteger(message.droppedBytes.high)))
                        return "droppedBytes: integer|Long expected";
                if (message.lastDroppedSeq != null && $Object.hasOwnProperty.call(message, "lastDroppedSeq"))
                    if (!$util.isInteger(message.lastDroppedSeq) && !(message.lastDroppedSeq && $util.isInteger(message.lastDroppedSeq.low) && $util.isInteger(message.lastDroppedSeq.high)))
                        return "lastDroppedSeq: integer|Long expected";
                return null;
            };

            /**
             * Creates a SpoolDropReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.SpoolDropReport
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.SpoolDropReport} SpoolDropReport
             */
            SpoolDropReport.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.SpoolDropReport)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.SpoolDropReport: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.SpoolDropReport();
                if (object.droppedMessages != null)
                    if (typeof object.droppedMessages === "object" ? object.droppedMessages.low || object.droppedMessages.high : $Number(object.droppedMessages) !== 0)
                        if ($util.Long)
                            message.droppedMessages = $util.Long.fromValue(object.droppedMessages, true);
                        else if (typeof object.droppedMessages === "string")
                            message.droppedMessages = $parseInt(object.droppedMessages, 10);
                        else if (typeof object.droppedMessages === "number")
                            message.droppedMessages = object.droppedMessages;
                        else if (typeof object.droppedMessages === "object")
                            message.droppedMessages = new $util.LongBits(object.droppedMessages.low >>> 0, object.droppedMessages.high >>> 0).toNumber(true);
                if (object.droppedBytes != null)
                    if (typeof object.droppedBytes === "object" ? object.droppedBytes.low || object.droppedBytes.high : $Number(object.droppedBytes) !== 0)
                        if ($util.Long)
                            message.droppedBytes = $util.Long.fromValue(object.droppedBytes, true);
                        else if (typeof object.droppedBytes === "string")
                            message.droppedBytes = $parseInt(object.droppedBytes, 10);
                        else if (typeof object.droppedBytes === "number")
                            message.droppedBytes = object.droppedBytes;
                        else if (typeof object.droppedBytes === "object")
                            message.droppedBytes = new $util.LongBits(object.droppedBytes.low >>> 0, object.droppedBytes.high >>> 0).toNumber(true);
                if (object.lastDroppedSeq != null)
                    if (typeof object.lastDroppedSeq === "object" ? object.lastDroppedSeq.low || object.lastDroppedSeq.high : $Number(object.lastDroppedSeq) !== 0)
                        if ($util.Long)
                            message.lastDroppedSeq = $util.Long.fromValue(object.lastDroppedSeq, true);
                        else if (typeof object.lastDroppedSeq === "string")
                            message.lastDroppedSeq = $parseInt(object.lastDroppedSeq, 10);
                        else if (typeof object.lastDroppedSeq === "number")
                            message.lastDroppedSeq = object.lastDroppedSeq;
                        else if (typeof object.lastDroppedSeq === "object")
                            message.lastDroppedSeq = new $util.LongBits(object.lastDroppedSeq.low >>> 0, object.lastDroppedSeq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a SpoolDropReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.SpoolDropReport
             * @static
             * @param {pushtrace.v1.SpoolDropReport} message SpoolDropReport
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SpoolDropReport.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.droppedMessages = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.droppedMessages = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.droppedBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.droppedBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.lastDroppedSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.lastDroppedSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.droppedMessages != null && $Object.hasOwnProperty.call(message, "droppedMessages"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.droppedMessages = typeof message.droppedMessages === "number" ? $BigInt(message.droppedMessages) : $util.Long.fromBits(message.droppedMessages.low >>> 0, message.droppedMessages.high >>> 0, true).toBigInt();
                    else if (typeof message.droppedMessages === "number")
                        object.droppedMessages = options.longs === $String ? $String(message.droppedMessages) : message.droppedMessages;
                    else
                        object.droppedMessages = options.longs === $String ? $util.Long.prototype.toString.call(message.droppedMessages) : options.longs === $Number ? new $util.LongBits(message.droppedMessages.low >>> 0, message.droppedMessages.high >>> 0).toNumber(true) : message.droppedMessages;
                if (message.droppedBytes != null && $Object.hasOwnProperty.call(message, "droppedBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.droppedBytes = typeof message.droppedBytes === "number" ? $BigInt(message.droppedBytes) : $util.Long.fromBits(message.droppedBytes.low >>> 0, message.droppedBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.droppedBytes === "number")
                        object.droppedBytes = options.longs === $String ? $String(message.droppedBytes) : message.droppedBytes;
                    else
                        object.droppedBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.droppedBytes) : options.longs === $Number ? new $util.LongBits(message.droppedBytes.low >>> 0, message.droppedBytes.high >>> 0).toNumber(true) : message.droppedBytes;
                if (message.lastDroppedSeq != null && $Object.hasOwnProperty.call(message, "lastDroppedSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastDroppedSeq = typeof message.lastDroppedSeq === "number" ? $BigInt(message.lastDroppedSeq) : $util.Long.fromBits(message.lastDroppedSeq.low >>> 0, message.lastDroppedSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.lastDroppedSeq === "number")
                        object.lastDroppedSeq = options.longs === $String ? $String(message.lastDroppedSeq) : message.lastDroppedSeq;
                    else
                        object.lastDroppedSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.lastDroppedSeq) : options.longs === $Number ? new $util.LongBits(message.lastDroppedSeq.low >>> 0, message.lastDroppedSeq.high >>> 0).toNumber(true) : message.lastDroppedSeq;
                return object;
            };

            /**
             * Converts this SpoolDropReport to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.SpoolDropReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SpoolDropReport.prototype.toJSON = function() {
                return SpoolDropReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SpoolDropReport;
        })();

        v1.Ack = (function() {

            /**
             * Properties of an Ack.
             * @typedef {Object} pushtrace.v1.Ack.$Properties
             * @property {number|null} [throughSeq] Ack throughSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ack.
             * @memberof pushtrace.v1
             * @interface IAck
             * @augments pushtrace.v1.Ack.$Properties
             * @deprecated Use pushtrace.v1.Ack.$Properties instead.
             */

            /**
             * Shape of an Ack.
             * @typedef {pushtrace.v1.Ack.$Properties} pushtrace.v1.Ack.$Shape
             */

            /**
             * Constructs a new Ack.
             * @memberof pushtrace.v1
             * @classdesc Represents an Ack.
             * @constructor
             * @param {pushtrace.v1.Ack.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ack = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ack throughSeq.
             * @member {number} throughSeq
             * @memberof pushtrace.v1.Ack
             * @instance
             */
            Ack.prototype.throughSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Ack instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.Ack
             * @static
             * @param {pushtrace.v1.Ack.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.Ack} Ack instance
             * @type {{
             *   (properties: pushtrace.v1.Ack.$Shape): pushtrace.v1.Ack & pushtrace.v1.Ack.$Shape;
             *   (properties?: pushtrace.v1.Ack.$Properties): pushtrace.v1.Ack;
             * }}
             */
            Ack.create = function(properties) {
                return new Ack(properties);
            };

            /**
             * Encodes the specified Ack message. Does not implicitly {@link pushtrace.v1.Ack.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.Ack
             * @static
             * @param {pushtrace.v1.Ack.$Properties} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.throughSeq != null && $Object.hasOwnProperty.call(message, "throughSeq") && (typeof message.throughSeq === "object" ? message.throughSeq.low || message.throughSeq.high : message.throughSeq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.throughSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Ack message, length delimited. Does not implicitly {@link pushtrace.v1.Ack.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.Ack
             * @static
             * @param {pushtrace.v1.Ack.$Properties} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.Ack & pushtrace.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.Ack();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.throughSeq = value;
                            else
                                delete message.throughSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Ack & pushtrace.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Ack message.
             * @function verify
             * @memberof pushtrace.v1.Ack
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Ack.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.throughSeq != null && $Object.hasOwnProperty.call(message, "throughSeq"))
                    if (!$util.isInteger(message.throughSeq) && !(message.throughSeq && $util.isInteger(message.throughSeq.low) && $util.isInteger(message.throughSeq.high)))
                        return "throughSeq: integer|Long expected";
                return null;
            };

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.Ack
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.Ack} Ack
             */
            Ack.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.Ack)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.Ack: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.Ack();
                if (object.throughSeq != null)
                    if (typeof object.throughSeq === "object" ? object.throughSeq.low || object.throughSeq.high : $Number(object.throughSeq) !== 0)
                        if ($util.Long)
                            message.throughSeq = $util.Long.fromValue(object.throughSeq, true);
                        else if (typeof object.throughSeq === "string")
                            message.throughSeq = $parseInt(object.throughSeq, 10);
                        else if (typeof object.throughSeq === "number")
                            message.throughSeq = object.throughSeq;
                        else if (typeof object.throughSeq === "object")
                            message.throughSeq = new $util.LongBits(object.throughSeq.low >>> 0, object.throughSeq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.Ack
             * @static
             * @param {pushtrace.v1.Ack} message Ack
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ack.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.throughSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.throughSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.throughSeq != null && $Object.hasOwnProperty.call(message, "throughSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.throughSeq = typeof message.throughSeq === "number" ? $BigInt(message.throughSeq) : $util.Long.fromBits(message.throughSeq.low >>> 0, message.throughSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.throughSeq === "number")
                        object.throughSeq = options.longs === $String ? $String(message.throughSeq) : message.throughSeq;
                    else
                        object.throughSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.throughSeq) : options.longs === $Number ? new $util.LongBits(message.throughSeq.low >>> 0, message.throughSeq.high >>> 0).toNumber(true) : message.throughSeq;
                return object;
            };

            /**
             * Converts this Ack to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.Ack
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ack.prototype.toJSON = function() {
                return Ack.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Ack;
        })();

        v1.ErrorNotice = (function() {

            /**
             * Properties of an ErrorNotice.
             * @typedef {Object} pushtrace.v1.ErrorNotice.$Properties
             * @property {string|null} [code] ErrorNotice code
             * @property {string|null} [message] ErrorNotice message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ErrorNotice.
             * @memberof pushtrace.v1
             * @interface IErrorNotice
             * @augments pushtrace.v1.ErrorNotice.$Properties
             * @deprecated Use pushtrace.v1.ErrorNotice.$Properties instead.
             */

            /**
             * Shape of an ErrorNotice.
             * @typedef {pushtrace.v1.ErrorNotice.$Properties} pushtrace.v1.ErrorNotice.$Shape
             */

            /**
             * Constructs a new ErrorNotice.
             * @memberof pushtrace.v1
             * @classdesc Represents an ErrorNotice.
             * @constructor
             * @param {pushtrace.v1.ErrorNotice.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ErrorNotice = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ErrorNotice code.
             * @member {string} code
             * @memberof pushtrace.v1.ErrorNotice
             * @instance
             */
            ErrorNotice.prototype.code = "";

            /**
             * ErrorNotice message.
             * @member {string} message
             * @memberof pushtrace.v1.ErrorNotice
             * @instance
             */
            ErrorNotice.prototype.message = "";

            /**
             * Creates a new ErrorNotice instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.ErrorNotice
             * @static
             * @param {pushtrace.v1.ErrorNotice.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.ErrorNotice} ErrorNotice instance
             * @type {{
             *   (properties: pushtrace.v1.ErrorNotice.$Shape): pushtrace.v1.ErrorNotice & pushtrace.v1.ErrorNotice.$Shape;
             *   (properties?: pushtrace.v1.ErrorNotice.$Properties): pushtrace.v1.ErrorNotice;
             * }}
             */
            ErrorNotice.create = function(properties) {
                return new ErrorNotice(properties);
            };

            /**
             * Encodes the specified ErrorNotice message. Does not implicitly {@link pushtrace.v1.ErrorNotice.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.ErrorNotice
             * @static
             * @param {pushtrace.v1.ErrorNotice.$Properties} message ErrorNotice message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorNotice.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ErrorNotice message, length delimited. Does not implicitly {@link pushtrace.v1.ErrorNotice.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.ErrorNotice
             * @static
             * @param {pushtrace.v1.ErrorNotice.$Properties} message ErrorNotice message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorNotice.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ErrorNotice message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.ErrorNotice
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.ErrorNotice & pushtrace.v1.ErrorNotice.$Shape} ErrorNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorNotice.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.ErrorNotice();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ErrorNotice message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.ErrorNotice
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.ErrorNotice & pushtrace.v1.ErrorNotice.$Shape} ErrorNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorNotice.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ErrorNotice message.
             * @function verify
             * @memberof pushtrace.v1.ErrorNotice
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ErrorNotice.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                return null;
            };

            /**
             * Creates an ErrorNotice message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.ErrorNotice
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.ErrorNotice} ErrorNotice
             */
            ErrorNotice.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.ErrorNotice)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.ErrorNotice: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.ErrorNotice();
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            /**
             * Creates a plain object from an ErrorNotice message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.ErrorNotice
             * @static
             * @param {pushtrace.v1.ErrorNotice} message ErrorNotice
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ErrorNotice.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.message = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            /**
             * Converts this ErrorNotice to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.ErrorNotice
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ErrorNotice.prototype.toJSON = function() {
                return ErrorNotice.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ErrorNotice;
        })();

        v1.Command = (function() {

            /**
             * Properties of a Command.
             * @typedef {Object} pushtrace.v1.Command.$Properties
             * @property {string|null} [id] Command id
             * @property {number|null} [sensorId] Command sensorId
             * @property {string|null} [verb] Command verb
             * @property {Array.<string>|null} [args] Command args
             * @property {string|null} [issuedBy] Command issuedBy
             * @property {string|null} [keyId] Command keyId
             * @property {number|null} [issuedAtMs] Command issuedAtMs
             * @property {number|null} [deadlineMs] Command deadlineMs
             * @property {Uint8Array|null} [signature] Command signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Command.
             * @memberof pushtrace.v1
             * @interface ICommand
             * @augments pushtrace.v1.Command.$Properties
             * @deprecated Use pushtrace.v1.Command.$Properties instead.
             */

            /**
             * Shape of a Command.
             * @typedef {pushtrace.v1.Command.$Properties} pushtrace.v1.Command.$Shape
             */

            /**
             * Constructs a new Command.
             * @memberof pushtrace.v1
             * @classdesc Represents a Command.
             * @constructor
             * @param {pushtrace.v1.Command.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Command = function (properties) {
                this.args = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Command id.
             * @member {string} id
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.id = "";

            /**
             * Command sensorId.
             * @member {number} sensorId
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.sensorId = 0;

            /**
             * Command verb.
             * @member {string} verb
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.verb = "";

            /**
             * Command args.
             * @member {Array.<string>} args
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.args = $util.emptyArray;

            /**
             * Command issuedBy.
             * @member {string} issuedBy
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.issuedBy = "";

            /**
             * Command keyId.
             * @member {string} keyId
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.keyId = "";

            /**
             * Command issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Command deadlineMs.
             * @member {number} deadlineMs
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.deadlineMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Command signature.
             * @member {Uint8Array} signature
             * @memberof pushtrace.v1.Command
             * @instance
             */
            Command.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new Command instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.Command
             * @static
             * @param {pushtrace.v1.Command.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.Command} Command instance
             * @type {{
             *   (properties: pushtrace.v1.Command.$Shape): pushtrace.v1.Command & pushtrace.v1.Command.$Shape;
             *   (properties?: pushtrace.v1.Command.$Properties): pushtrace.v1.Command;
             * }}
             */
            Command.create = function(properties) {
                return new Command(properties);
            };

            /**
             * Encodes the specified Command message. Does not implicitly {@link pushtrace.v1.Command.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.Command
             * @static
             * @param {pushtrace.v1.Command.$Properties} message Command message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId") && message.sensorId !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.sensorId);
                if (message.verb != null && $Object.hasOwnProperty.call(message, "verb") && message.verb !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.verb);
                if (message.args != null && message.args.length)
                    for (let i = 0; i < message.args.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.args[i]);
                if (message.issuedBy != null && $Object.hasOwnProperty.call(message, "issuedBy") && message.issuedBy !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.issuedBy);
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.keyId);
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && (typeof message.issuedAtMs === "object" ? message.issuedAtMs.low || message.issuedAtMs.high : message.issuedAtMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.issuedAtMs);
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs") && (typeof message.deadlineMs === "object" ? message.deadlineMs.low || message.deadlineMs.high : message.deadlineMs !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).int64(message.deadlineMs);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 9, wireType 2 =*/74).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link pushtrace.v1.Command.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.Command
             * @static
             * @param {pushtrace.v1.Command.$Properties} message Command message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.Command & pushtrace.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.Command();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sensorId = value;
                            else
                                delete message.sensorId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.verb = value;
                            else
                                delete message.verb;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.args && message.args.length))
                                message.args = [];
                            message.args.push(reader.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.issuedBy = value;
                            else
                                delete message.issuedBy;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.issuedAtMs = value;
                            else
                                delete message.issuedAtMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.deadlineMs = value;
                            else
                                delete message.deadlineMs;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Command & pushtrace.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Command message.
             * @function verify
             * @memberof pushtrace.v1.Command
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Command.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId"))
                    if (!$util.isInteger(message.sensorId))
                        return "sensorId: integer expected";
                if (message.verb != null && $Object.hasOwnProperty.call(message, "verb"))
                    if (!$util.isString(message.verb))
                        return "verb: string expected";
                if (message.args != null && $Object.hasOwnProperty.call(message, "args")) {
                    if (!$Array.isArray(message.args))
                        return "args: array expected";
                    for (let i = 0; i < message.args.length; ++i)
                        if (!$util.isString(message.args[i]))
                            return "args: string[] expected";
                }
                if (message.issuedBy != null && $Object.hasOwnProperty.call(message, "issuedBy"))
                    if (!$util.isString(message.issuedBy))
                        return "issuedBy: string expected";
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                    if (!$util.isString(message.keyId))
                        return "keyId: string expected";
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                    if (!$util.isInteger(message.issuedAtMs) && !(message.issuedAtMs && $util.isInteger(message.issuedAtMs.low) && $util.isInteger(message.issuedAtMs.high)))
                        return "issuedAtMs: integer|Long expected";
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs"))
                    if (!$util.isInteger(message.deadlineMs) && !(message.deadlineMs && $util.isInteger(message.deadlineMs.low) && $util.isInteger(message.deadlineMs.high)))
                        return "deadlineMs: integer|Long expected";
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                        return "signature: buffer expected";
                return null;
            };

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.Command
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.Command} Command
             */
            Command.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.Command)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.Command: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.Command();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.sensorId != null)
                    if ($Number(object.sensorId) !== 0)
                        message.sensorId = object.sensorId >>> 0;
                if (object.verb != null)
                    if (typeof object.verb !== "string" || object.verb.length)
                        message.verb = $String(object.verb);
                if (object.args) {
                    if (!$Array.isArray(object.args))
                        throw $TypeError(".pushtrace.v1.Command.args: array expected");
                    message.args = $Array(object.args.length);
                    for (let i = 0; i < object.args.length; ++i)
                        message.args[i] = $String(object.args[i]);
                }
                if (object.issuedBy != null)
                    if (typeof object.issuedBy !== "string" || object.issuedBy.length)
                        message.issuedBy = $String(object.issuedBy);
                if (object.keyId != null)
                    if (typeof object.keyId !== "string" || object.keyId.length)
                        message.keyId = $String(object.keyId);
                if (object.issuedAtMs != null)
                    if (typeof object.issuedAtMs === "object" ? object.issuedAtMs.low || object.issuedAtMs.high : $Number(object.issuedAtMs) !== 0)
                        if ($util.Long)
                            message.issuedAtMs = $util.Long.fromValue(object.issuedAtMs, false);
                        else if (typeof object.issuedAtMs === "string")
                            message.issuedAtMs = $parseInt(object.issuedAtMs, 10);
                        else if (typeof object.issuedAtMs === "number")
                            message.issuedAtMs = object.issuedAtMs;
                        else if (typeof object.issuedAtMs === "object")
                            message.issuedAtMs = new $util.LongBits(object.issuedAtMs.low >>> 0, object.issuedAtMs.high >>> 0).toNumber();
                if (object.deadlineMs != null)
                    if (typeof object.deadlineMs === "object" ? object.deadlineMs.low || object.deadlineMs.high : $Number(object.deadlineMs) !== 0)
                        if ($util.Long)
                            message.deadlineMs = $util.Long.fromValue(object.deadlineMs, false);
                        else if (typeof object.deadlineMs === "string")
                            message.deadlineMs = $parseInt(object.deadlineMs, 10);
                        else if (typeof object.deadlineMs === "number")
                            message.deadlineMs = object.deadlineMs;
                        else if (typeof object.deadlineMs === "object")
                            message.deadlineMs = new $util.LongBits(object.deadlineMs.low >>> 0, object.deadlineMs.high >>> 0).toNumber();
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                return message;
            };

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.Command
             * @static
             * @param {pushtrace.v1.Command} message Command
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Command.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.args = [];
                if (options.defaults) {
                    object.id = "";
                    object.sensorId = 0;
                    object.verb = "";
                    object.issuedBy = "";
                    object.keyId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.issuedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.issuedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.deadlineMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.deadlineMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.sensorId != null && $Object.hasOwnProperty.call(message, "sensorId"))
                    object.sensorId = message.sensorId;
                if (message.verb != null && $Object.hasOwnProperty.call(message, "verb"))
                    object.verb = message.verb;
                if (message.args && message.args.length) {
                    object.args = $Array(message.args.length);
                    for (let j = 0; j < message.args.length; ++j)
                        object.args[j] = message.args[j];
                }
                if (message.issuedBy != null && $Object.hasOwnProperty.call(message, "issuedBy"))
                    object.issuedBy = message.issuedBy;
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                    object.keyId = message.keyId;
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.issuedAtMs = typeof message.issuedAtMs === "number" ? $BigInt(message.issuedAtMs) : $util.Long.fromBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.issuedAtMs === "number")
                        object.issuedAtMs = options.longs === $String ? $String(message.issuedAtMs) : message.issuedAtMs;
                    else
                        object.issuedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.issuedAtMs) : options.longs === $Number ? new $util.LongBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0).toNumber() : message.issuedAtMs;
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.deadlineMs = typeof message.deadlineMs === "number" ? $BigInt(message.deadlineMs) : $util.Long.fromBits(message.deadlineMs.low >>> 0, message.deadlineMs.high >>> 0, false).toBigInt();
                    else if (typeof message.deadlineMs === "number")
                        object.deadlineMs = options.longs === $String ? $String(message.deadlineMs) : message.deadlineMs;
                    else
                        object.deadlineMs = options.longs === $String ? $util.Long.prototype.toString.call(message.deadlineMs) : options.longs === $Number ? new $util.LongBits(message.deadlineMs.low >>> 0, message.deadlineMs.high >>> 0).toNumber() : message.deadlineMs;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                return object;
            };

            /**
             * Converts this Command to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.Command
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Command.prototype.toJSON = function() {
                return Command.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Command;
        })();

        /**
         * CommandStatus enum.
         * @name pushtrace.v1.CommandStatus
         * @enum {number}
         * @property {number} COMMAND_STATUS_UNSPECIFIED=0 COMMAND_STATUS_UNSPECIFIED value
         * @property {number} COMMAND_STATUS_OK=1 COMMAND_STATUS_OK value
         * @property {number} COMMAND_STATUS_FAILED=2 COMMAND_STATUS_FAILED value
         * @property {number} COMMAND_STATUS_TIMED_OUT=3 COMMAND_STATUS_TIMED_OUT value
         * @property {number} COMMAND_STATUS_REFUSED_UNSIGNED=10 COMMAND_STATUS_REFUSED_UNSIGNED value
         * @property {number} COMMAND_STATUS_REFUSED_BAD_SIGNATURE=11 COMMAND_STATUS_REFUSED_BAD_SIGNATURE value
         * @property {number} COMMAND_STATUS_REFUSED_UNKNOWN_KEY=12 COMMAND_STATUS_REFUSED_UNKNOWN_KEY value
         * @property {number} COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED=13 COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED value
         * @property {number} COMMAND_STATUS_REFUSED_EXPIRED=14 COMMAND_STATUS_REFUSED_EXPIRED value
         * @property {number} COMMAND_STATUS_REFUSED_REPLAYED=15 COMMAND_STATUS_REFUSED_REPLAYED value
         * @property {number} COMMAND_STATUS_REFUSED_WRONG_SENSOR=16 COMMAND_STATUS_REFUSED_WRONG_SENSOR value
         * @property {number} COMMAND_STATUS_REFUSED_DISABLED=17 COMMAND_STATUS_REFUSED_DISABLED value
         * @property {number} COMMAND_STATUS_REFUSED_BAD_ARGS=18 COMMAND_STATUS_REFUSED_BAD_ARGS value
         */
        v1.CommandStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "COMMAND_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "COMMAND_STATUS_OK"] = 1;
            values[valuesById[2] = "COMMAND_STATUS_FAILED"] = 2;
            values[valuesById[3] = "COMMAND_STATUS_TIMED_OUT"] = 3;
            values[valuesById[10] = "COMMAND_STATUS_REFUSED_UNSIGNED"] = 10;
            values[valuesById[11] = "COMMAND_STATUS_REFUSED_BAD_SIGNATURE"] = 11;
            values[valuesById[12] = "COMMAND_STATUS_REFUSED_UNKNOWN_KEY"] = 12;
            values[valuesById[13] = "COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED"] = 13;
            values[valuesById[14] = "COMMAND_STATUS_REFUSED_EXPIRED"] = 14;
            values[valuesById[15] = "COMMAND_STATUS_REFUSED_REPLAYED"] = 15;
            values[valuesById[16] = "COMMAND_STATUS_REFUSED_WRONG_SENSOR"] = 16;
            values[valuesById[17] = "COMMAND_STATUS_REFUSED_DISABLED"] = 17;
            values[valuesById[18] = "COMMAND_STATUS_REFUSED_BAD_ARGS"] = 18;
            return values;
        })();

        v1.CommandResult = (function() {

            /**
             * Properties of a CommandResult.
             * @typedef {Object} pushtrace.v1.CommandResult.$Properties
             * @property {string|null} [id] CommandResult id
             * @property {pushtrace.v1.CommandStatus|null} [status] CommandResult status
             * @property {number|null} [exitCode] CommandResult exitCode
             * @property {Uint8Array|null} [stdout] CommandResult stdout
             * @property {Uint8Array|null} [stderr] CommandResult stderr
             * @property {boolean|null} [truncated] CommandResult truncated
             * @property {number|null} [startedAtMs] CommandResult startedAtMs
             * @property {number|null} [finishedAtMs] CommandResult finishedAtMs
             * @property {string|null} [message] CommandResult message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CommandResult.
             * @memberof pushtrace.v1
             * @interface ICommandResult
             * @augments pushtrace.v1.CommandResult.$Properties
             * @deprecated Use pushtrace.v1.CommandResult.$Properties instead.
             */

            /**
             * Shape of a CommandResult.
             * @typedef {pushtrace.v1.CommandResult.$Properties} pushtrace.v1.CommandResult.$Shape
             */

            /**
             * Constructs a new CommandResult.
             * @memberof pushtrace.v1
             * @classdesc Represents a CommandResult.
             * @constructor
             * @param {pushtrace.v1.CommandResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CommandResult = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CommandResult id.
             * @member {string} id
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.id = "";

            /**
             * CommandResult status.
             * @member {pushtrace.v1.CommandStatus} status
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.status = 0;

            /**
             * CommandResult exitCode.
             * @member {number} exitCode
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.exitCode = 0;

            /**
             * CommandResult stdout.
             * @member {Uint8Array} stdout
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.stdout = $util.newBuffer([]);

            /**
             * CommandResult stderr.
             * @member {Uint8Array} stderr
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.stderr = $util.newBuffer([]);

            /**
             * CommandResult truncated.
             * @member {boolean} truncated
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.truncated = false;

            /**
             * CommandResult startedAtMs.
             * @member {number} startedAtMs
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * CommandResult finishedAtMs.
             * @member {number} finishedAtMs
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.finishedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * CommandResult message.
             * @member {string} message
             * @memberof pushtrace.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.message = "";

            /**
             * Creates a new CommandResult instance using the specified properties.
             * @function create
             * @memberof pushtrace.v1.CommandResult
             * @static
             * @param {pushtrace.v1.CommandResult.$Properties=} [properties] Properties to set
             * @returns {pushtrace.v1.CommandResult} CommandResult instance
             * @type {{
             *   (properties: pushtrace.v1.CommandResult.$Shape): pushtrace.v1.CommandResult & pushtrace.v1.CommandResult.$Shape;
             *   (properties?: pushtrace.v1.CommandResult.$Properties): pushtrace.v1.CommandResult;
             * }}
             */
            CommandResult.create = function(properties) {
                return new CommandResult(properties);
            };

            /**
             * Encodes the specified CommandResult message. Does not implicitly {@link pushtrace.v1.CommandResult.verify|verify} messages.
             * @function encode
             * @memberof pushtrace.v1.CommandResult
             * @static
             * @param {pushtrace.v1.CommandResult.$Properties} message CommandResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.status);
                if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode") && message.exitCode !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.exitCode);
                if (message.stdout != null && $Object.hasOwnProperty.call(message, "stdout") && message.stdout.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.stdout);
                if (message.stderr != null && $Object.hasOwnProperty.call(message, "stderr") && message.stderr.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.stderr);
                if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated") && message.truncated !== false)
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.truncated);
                if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs") && (typeof message.startedAtMs === "object" ? message.startedAtMs.low || message.startedAtMs.high : message.startedAtMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.startedAtMs);
                if (message.finishedAtMs != null && $Object.hasOwnProperty.call(message, "finishedAtMs") && (typeof message.finishedAtMs === "object" ? message.finishedAtMs.low || message.finishedAtMs.high : message.finishedAtMs !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).int64(message.finishedAtMs);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified CommandResult message, length delimited. Does not implicitly {@link pushtrace.v1.CommandResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pushtrace.v1.CommandResult
             * @static
             * @param {pushtrace.v1.CommandResult.$Properties} message CommandResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResult.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CommandResult message from the specified reader or buffer.
             * @function decode
             * @memberof pushtrace.v1.CommandResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pushtrace.v1.CommandResult & pushtrace.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pushtrace.v1.CommandResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.exitCode = value;
                            else
                                delete message.exitCode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.stdout = value;
                            else
                                delete message.stdout;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.stderr = value;
                            else
                                delete message.stderr;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.truncated = value;
                            else
                                delete message.truncated;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.startedAtMs = value;
                            else
                                delete message.startedAtMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.finishedAtMs = value;
                            else
                                delete message.finishedAtMs;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a CommandResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pushtrace.v1.CommandResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pushtrace.v1.CommandResult & pushtrace.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResult.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CommandResult message.
             * @function verify
             * @memberof pushtrace.v1.CommandResult
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CommandResult.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    if (typeof message.status !== "number" || (message.status | 0) !== message.status)
                        return "status: enum value expected";
                if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode"))
                    if (!$util.isInteger(message.exitCode))
                        return "exitCode: integer expected";
                if (message.stdout != null && $Object.hasOwnProperty.call(message, "stdout"))
                    if (!(message.stdout && typeof message.stdout.length === "number" || $util.isString(message.stdout)))
                        return "stdout: buffer expected";
                if (message.stderr != null && $Object.hasOwnProperty.call(message, "stderr"))
                    if (!(message.stderr && typeof message.stderr.length === "number" || $util.isString(message.stderr)))
                        return "stderr: buffer expected";
                if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated"))
                    if (typeof message.truncated !== "boolean")
                        return "truncated: boolean expected";
                if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs"))
                    if (!$util.isInteger(message.startedAtMs) && !(message.startedAtMs && $util.isInteger(message.startedAtMs.low) && $util.isInteger(message.startedAtMs.high)))
                        return "startedAtMs: integer|Long expected";
                if (message.finishedAtMs != null && $Object.hasOwnProperty.call(message, "finishedAtMs"))
                    if (!$util.isInteger(message.finishedAtMs) && !(message.finishedAtMs && $util.isInteger(message.finishedAtMs.low) && $util.isInteger(message.finishedAtMs.high)))
                        return "finishedAtMs: integer|Long expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                return null;
            };

            /**
             * Creates a CommandResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pushtrace.v1.CommandResult
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pushtrace.v1.CommandResult} CommandResult
             */
            CommandResult.fromObject = function (object, _depth) {
                if (object instanceof $root.pushtrace.v1.CommandResult)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pushtrace.v1.CommandResult: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pushtrace.v1.CommandResult();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.pushtrace.v1.CommandStatus[object.status] !== 0))
                    switch (object.status) {
                    case "COMMAND_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "COMMAND_STATUS_OK":
                    case 1:
                        message.status = 1;
                        break;
                    case "COMMAND_STATUS_FAILED":
                    case 2:
                        message.status = 2;
                        break;
                    case "COMMAND_STATUS_TIMED_OUT":
                    case 3:
                        message.status = 3;
                        break;
                    case "COMMAND_STATUS_REFUSED_UNSIGNED":
                    case 10:
                        message.status = 10;
                        break;
                    case "COMMAND_STATUS_REFUSED_BAD_SIGNATURE":
                    case 11:
                        message.status = 11;
                        break;
                    case "COMMAND_STATUS_REFUSED_UNKNOWN_KEY":
                    case 12:
                        message.status = 12;
                        break;
                    case "COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED":
                    case 13:
                        message.status = 13;
                        break;
                    case "COMMAND_STATUS_REFUSED_EXPIRED":
                    case 14:
                        message.status = 14;
                        break;
                    case "COMMAND_STATUS_REFUSED_REPLAYED":
                    case 15:
                        message.status = 15;
                        break;
                    case "COMMAND_STATUS_REFUSED_WRONG_SENSOR":
                    case 16:
                        message.status = 16;
                        break;
                    case "COMMAND_STATUS_REFUSED_DISABLED":
                    case 17:
                        message.status = 17;
                        break;
                    case "COMMAND_STATUS_REFUSED_BAD_ARGS":
                    case 18:
                        message.status = 18;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.exitCode != null)
                    if ($Number(object.exitCode) !== 0)
                        message.exitCode = object.exitCode | 0;
                if (object.stdout != null)
                    if (object.stdout.length)
                        if (typeof object.stdout === "string")
                            $util.base64.decode(object.stdout, message.stdout = $util.newBuffer($util.base64.length(object.stdout)), 0);
                        else if (object.stdout.length >= 0)
                            message.stdout = object.stdout;
                if (object.stderr != null)
                    if (object.stderr.length)
                        if (typeof object.stderr === "string")
                            $util.base64.decode(object.stderr, message.stderr = $util.newBuffer($util.base64.length(object.stderr)), 0);
                        else if (object.stderr.length >= 0)
                            message.stderr = object.stderr;
                if (object.truncated != null)
                    if (object.truncated)
                        message.truncated = $Boolean(object.truncated);
                if (object.startedAtMs != null)
                    if (typeof object.startedAtMs === "object" ? object.startedAtMs.low || object.startedAtMs.high : $Number(object.startedAtMs) !== 0)
                        if ($util.Long)
                            message.startedAtMs = $util.Long.fromValue(object.startedAtMs, false);
                        else if (typeof object.startedAtMs === "string")
                            message.startedAtMs = $parseInt(object.startedAtMs, 10);
                        else if (typeof object.startedAtMs === "number")
                            message.startedAtMs = object.startedAtMs;
                        else if (typeof object.startedAtMs === "object")
                            message.startedAtMs = new $util.LongBits(object.startedAtMs.low >>> 0, object.startedAtMs.high >>> 0).toNumber();
                if (object.finishedAtMs != null)
                    if (typeof object.finishedAtMs === "object" ? object.finishedAtMs.low || object.finishedAtMs.high : $Number(object.finishedAtMs) !== 0)
                        if ($util.Long)
                            message.finishedAtMs = $util.Long.fromValue(object.finishedAtMs, false);
                        else if (typeof object.finishedAtMs === "string")
                            message.finishedAtMs = $parseInt(object.finishedAtMs, 10);
                        else if (typeof object.finishedAtMs === "number")
                            message.finishedAtMs = object.finishedAtMs;
                        else if (typeof object.finishedAtMs === "object")
                            message.finishedAtMs = new $util.LongBits(object.finishedAtMs.low >>> 0, object.finishedAtMs.high >>> 0).toNumber();
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            /**
             * Creates a plain object from a CommandResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pushtrace.v1.CommandResult
             * @static
             * @param {pushtrace.v1.CommandResult} message CommandResult
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CommandResult.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    object.status = options.enums === $String ? "COMMAND_STATUS_UNSPECIFIED" : 0;
                    object.exitCode = 0;
                    if (options.bytes === $String)
                        object.stdout = "";
                    else {
                        object.stdout = [];
                        if (options.bytes !== $Array)
                            object.stdout = $util.newBuffer(object.stdout);
                    }
                    if (options.bytes === $String)
                        object.stderr = "";
                    else {
                        object.stderr = [];
                        if (options.bytes !== $Array)
                            object.stderr = $util.newBuffer(object.stderr);
                    }
                    object.truncated = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.startedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.startedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.finishedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.finishedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.message = "";
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.pushtrace.v1.CommandStatus[message.status] === $undefined ? message.status : $root.pushtrace.v1.CommandStatus[message.status] : message.status;
                if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode"))
                    object.exitCode = message.exitCode;
                if (message.stdout != null && $Object.hasOwnProperty.call(message, "stdout"))
                    object.stdout = options.bytes === $String ? $util.base64.encode(message.stdout, 0, message.stdout.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.stdout) : message.stdout;
                if (message.stderr != null && $Object.hasOwnProperty.call(message, "stderr"))
                    object.stderr = options.bytes === $String ? $util.base64.encode(message.stderr, 0, message.stderr.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.stderr) : message.stderr;
                if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated"))
                    object.truncated = message.truncated;
                if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.startedAtMs = typeof message.startedAtMs === "number" ? $BigInt(message.startedAtMs) : $util.Long.fromBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.startedAtMs === "number")
                        object.startedAtMs = options.longs === $String ? $String(message.startedAtMs) : message.startedAtMs;
                    else
                        object.startedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.startedAtMs) : options.longs === $Number ? new $util.LongBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0).toNumber() : message.startedAtMs;
                if (message.finishedAtMs != null && $Object.hasOwnProperty.call(message, "finishedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.finishedAtMs = typeof message.finishedAtMs === "number" ? $BigInt(message.finishedAtMs) : $util.Long.fromBits(message.finishedAtMs.low >>> 0, message.finishedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.finishedAtMs === "number")
                        object.finishedAtMs = options.longs === $String ? $String(message.finishedAtMs) : message.finishedAtMs;
                    else
                        object.finishedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.finishedAtMs) : options.longs === $Number ? new $util.LongBits(message.finishedAtMs.low >>> 0, message.finishedAtMs.high >>> 0).toNumber() : message.finishedAtMs;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            /**
             * Converts this CommandResult to JSON.
             * @function toJSON
             * @memberof pushtrace.v1.CommandResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CommandResult.prototype.toJSON = function() {
                return CommandResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CommandResult;
        })();

        return v1;
    })();

    return pushtrace;
})();

export {
  $root as default
};
