import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace pushtrace. */
export namespace pushtrace {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of an Envelope.
         * @deprecated Use pushtrace.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends pushtrace.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope protocolVersion. */
            protocolVersion: number;

            /** Envelope sensorId. */
            sensorId: number;

            /** Envelope seq. */
            seq: number;

            /** Envelope sentAtMs. */
            sentAtMs: number;

            /** Envelope hello. */
            hello?: (pushtrace.v1.Hello.$Properties|null);

            /** Envelope welcome. */
            welcome?: (pushtrace.v1.Welcome.$Properties|null);

            /** Envelope checkin. */
            checkin?: (pushtrace.v1.Checkin.$Properties|null);

            /** Envelope hostInfo. */
            hostInfo?: (pushtrace.v1.HostInfo.$Properties|null);

            /** Envelope processInfo. */
            processInfo?: (pushtrace.v1.ProcessInfo.$Properties|null);

            /** Envelope netconnBatch. */
            netconnBatch?: (pushtrace.v1.NetconnBatch.$Properties|null);

            /** Envelope externalIp. */
            externalIp?: (pushtrace.v1.ExternalIpObservation.$Properties|null);

            /** Envelope spoolDrops. */
            spoolDrops?: (pushtrace.v1.SpoolDropReport.$Properties|null);

            /** Envelope ack. */
            ack?: (pushtrace.v1.Ack.$Properties|null);

            /** Envelope error. */
            error?: (pushtrace.v1.ErrorNotice.$Properties|null);

            /** Envelope command. */
            command?: (pushtrace.v1.Command.$Properties|null);

            /** Envelope commandResult. */
            commandResult?: (pushtrace.v1.CommandResult.$Properties|null);

            /** Envelope body. */
            body?: ("hello"|"welcome"|"checkin"|"hostInfo"|"processInfo"|"netconnBatch"|"externalIp"|"spoolDrops"|"ack"|"error"|"command"|"commandResult");

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: pushtrace.v1.Envelope.$Shape): pushtrace.v1.Envelope & pushtrace.v1.Envelope.$Shape;
            static create(properties?: pushtrace.v1.Envelope.$Properties): pushtrace.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link pushtrace.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link pushtrace.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.Envelope & pushtrace.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.Envelope & pushtrace.v1.Envelope.$Shape;

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Envelope & pushtrace.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.Envelope & pushtrace.v1.Envelope.$Shape;

            /**
             * Verifies an Envelope message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Envelope
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param message Envelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope protocolVersion */
                protocolVersion?: (number|null);

                /** Envelope sensorId */
                sensorId?: (number|null);

                /** Envelope seq */
                seq?: (number|null);

                /** Envelope sentAtMs */
                sentAtMs?: (number|null);

                /** Envelope hello */
                hello?: (pushtrace.v1.Hello.$Properties|null);

                /** Envelope welcome */
                welcome?: (pushtrace.v1.Welcome.$Properties|null);

                /** Envelope checkin */
                checkin?: (pushtrace.v1.Checkin.$Properties|null);

                /** Envelope hostInfo */
                hostInfo?: (pushtrace.v1.HostInfo.$Properties|null);

                /** Envelope processInfo */
                processInfo?: (pushtrace.v1.ProcessInfo.$Properties|null);

                /** Envelope netconnBatch */
                netconnBatch?: (pushtrace.v1.NetconnBatch.$Properties|null);

                /** Envelope externalIp */
                externalIp?: (pushtrace.v1.ExternalIpObservation.$Properties|null);

                /** Envelope spoolDrops */
                spoolDrops?: (pushtrace.v1.SpoolDropReport.$Properties|null);

                /** Envelope ack */
                ack?: (pushtrace.v1.Ack.$Properties|null);

                /** Envelope error */
                error?: (pushtrace.v1.ErrorNotice.$Properties|null);

                /** Envelope command */
                command?: (pushtrace.v1.Command.$Properties|null);

                /** Envelope commandResult */
                commandResult?: (pushtrace.v1.CommandResult.$Properties|null);

                /** Envelope body */
                body?: ("hello"|"welcome"|"checkin"|"hostInfo"|"processInfo"|"netconnBatch"|"externalIp"|"spoolDrops"|"ack"|"error"|"command"|"commandResult");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Envelope. */
            type $Shape = {
              protocolVersion?: number|null;
              sensorId?: number|null;
              seq?: number|null;
              sentAtMs?: number|null;
              hello?: pushtrace.v1.Hello.$Shape|null;
              welcome?: pushtrace.v1.Welcome.$Shape|null;
              checkin?: pushtrace.v1.Checkin.$Shape|null;
              hostInfo?: pushtrace.v1.HostInfo.$Shape|null;
              processInfo?: pushtrace.v1.ProcessInfo.$Shape|null;
              netconnBatch?: pushtrace.v1.NetconnBatch.$Shape|null;
              externalIp?: pushtrace.v1.ExternalIpObservation.$Shape|null;
              spoolDrops?: pushtrace.v1.SpoolDropReport.$Shape|null;
              ack?: pushtrace.v1.Ack.$Shape|null;
              error?: pushtrace.v1.ErrorNotice.$Shape|null;
              command?: pushtrace.v1.Command.$Shape|null;
              commandResult?: pushtrace.v1.CommandResult.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "hello"; hello: pushtrace.v1.Hello.$Shape; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "welcome"; hello?: null; welcome: pushtrace.v1.Welcome.$Shape; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "checkin"; hello?: null; welcome?: null; checkin: pushtrace.v1.Checkin.$Shape; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "hostInfo"; hello?: null; welcome?: null; checkin?: null; hostInfo: pushtrace.v1.HostInfo.$Shape; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "processInfo"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo: pushtrace.v1.ProcessInfo.$Shape; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "netconnBatch"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch: pushtrace.v1.NetconnBatch.$Shape; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "externalIp"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp: pushtrace.v1.ExternalIpObservation.$Shape; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "spoolDrops"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops: pushtrace.v1.SpoolDropReport.$Shape; ack?: null; error?: null; command?: null; commandResult?: null }|{ body?: "ack"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack: pushtrace.v1.Ack.$Shape; error?: null; command?: null; commandResult?: null }|{ body?: "error"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error: pushtrace.v1.ErrorNotice.$Shape; command?: null; commandResult?: null }|{ body?: "command"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command: pushtrace.v1.Command.$Shape; commandResult?: null }|{ body?: "commandResult"; hello?: null; welcome?: null; checkin?: null; hostInfo?: null; processInfo?: null; netconnBatch?: null; externalIp?: null; spoolDrops?: null; ack?: null; error?: null; command?: null; commandResult: pushtrace.v1.CommandResult.$Shape })
            );
        }

        /**
         * Properties of a Hello.
         * @deprecated Use pushtrace.v1.Hello.$Properties instead.
         */
        interface IHello extends pushtrace.v1.Hello.$Properties {
        }

        /** Represents a Hello. */
        class Hello {

            /**
             * Constructs a new Hello.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.Hello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hello enrollSecret. */
            enrollSecret?: (string|null);

            /** Hello sensorToken. */
            sensorToken?: (string|null);

            /** Hello hostname. */
            hostname: string;

            /** Hello agentVersion. */
            agentVersion: string;

            /** Hello nextSeq. */
            nextSeq: number;

            /** Hello auth. */
            auth?: ("enrollSecret"|"sensorToken");

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            static create(properties: pushtrace.v1.Hello.$Shape): pushtrace.v1.Hello & pushtrace.v1.Hello.$Shape;
            static create(properties?: pushtrace.v1.Hello.$Properties): pushtrace.v1.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link pushtrace.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link pushtrace.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.Hello & pushtrace.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.Hello & pushtrace.v1.Hello.$Shape;

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Hello & pushtrace.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.Hello & pushtrace.v1.Hello.$Shape;

            /**
             * Verifies a Hello message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Hello
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.Hello;

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @param message Hello
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Hello {

            /** Properties of a Hello. */
            interface $Properties {

                /** Hello enrollSecret */
                enrollSecret?: (string|null);

                /** Hello sensorToken */
                sensorToken?: (string|null);

                /** Hello hostname */
                hostname?: (string|null);

                /** Hello agentVersion */
                agentVersion?: (string|null);

                /** Hello nextSeq */
                nextSeq?: (number|null);

                /** Hello auth */
                auth?: ("enrollSecret"|"sensorToken");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Hello. */
            type $Shape = {
              enrollSecret?: string|null;
              sensorToken?: string|null;
              hostname?: string|null;
              agentVersion?: string|null;
              nextSeq?: number|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ auth?: undefined; enrollSecret?: null; sensorToken?: null }|{ auth?: "enrollSecret"; enrollSecret: string; sensorToken?: null }|{ auth?: "sensorToken"; enrollSecret?: null; sensorToken: string })
            );
        }

        /**
         * Properties of a Welcome.
         * @deprecated Use pushtrace.v1.Welcome.$Properties instead.
         */
        interface IWelcome extends pushtrace.v1.Welcome.$Properties {
        }

        /** Represents a Welcome. */
        class Welcome {

            /**
             * Constructs a new Welcome.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.Welcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Welcome sensorId. */
            sensorId: number;

            /** Welcome sensorToken. */
            sensorToken: string;

            /** Welcome lastStoredSeq. */
            lastStoredSeq: number;

            /** Welcome checkinIntervalS. */
            checkinIntervalS: number;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Welcome instance
             */
            static create(properties: pushtrace.v1.Welcome.$Shape): pushtrace.v1.Welcome & pushtrace.v1.Welcome.$Shape;
            static create(properties?: pushtrace.v1.Welcome.$Properties): pushtrace.v1.Welcome;

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link pushtrace.v1.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Welcome message, length delimited. Does not implicitly {@link pushtrace.v1.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.Welcome & pushtrace.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.Welcome & pushtrace.v1.Welcome.$Shape;

            /**
             * Decodes a Welcome message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Welcome & pushtrace.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.Welcome & pushtrace.v1.Welcome.$Shape;

            /**
             * Verifies a Welcome message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Welcome
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.Welcome;

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @param message Welcome
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.Welcome, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Welcome to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Welcome {

            /** Properties of a Welcome. */
            interface $Properties {

                /** Welcome sensorId */
                sensorId?: (number|null);

                /** Welcome sensorToken */
                sensorToken?: (string|null);

                /** Welcome lastStoredSeq */
                lastStoredSeq?: (number|null);

                /** Welcome checkinIntervalS */
                checkinIntervalS?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = pushtrace.v1.Welcome.$Properties;
        }

        /**
         * Properties of a Checkin.
         * @deprecated Use pushtrace.v1.Checkin.$Properties instead.
         */
        interface ICheckin extends pushtrace.v1.Checkin.$Properties {
        }

        /** Represents a Checkin. */
        class Checkin {

            /**
             * Constructs a new Checkin.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.Checkin.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Checkin nextCheckinAtMs. */
            nextCheckinAtMs: number;

            /** Checkin agentUptimeS. */
            agentUptimeS: number;

            /** Checkin spoolQueuedMessages. */
            spoolQueuedMessages: number;

            /** Checkin spoolQueuedBytes. */
            spoolQueuedBytes: number;

            /** Checkin externalIp. */
            externalIp: string;

            /**
             * Creates a new Checkin instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Checkin instance
             */
            static create(properties: pushtrace.v1.Checkin.$Shape): pushtrace.v1.Checkin & pushtrace.v1.Checkin.$Shape;
            static create(properties?: pushtrace.v1.Checkin.$Properties): pushtrace.v1.Checkin;

            /**
             * Encodes the specified Checkin message. Does not implicitly {@link pushtrace.v1.Checkin.verify|verify} messages.
             * @param message Checkin message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.Checkin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Checkin message, length delimited. Does not implicitly {@link pushtrace.v1.Checkin.verify|verify} messages.
             * @param message Checkin message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.Checkin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Checkin message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.Checkin & pushtrace.v1.Checkin.$Shape} Checkin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.Checkin & pushtrace.v1.Checkin.$Shape;

            /**
             * Decodes a Checkin message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Checkin & pushtrace.v1.Checkin.$Shape} Checkin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.Checkin & pushtrace.v1.Checkin.$Shape;

            /**
             * Verifies a Checkin message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Checkin message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Checkin
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.Checkin;

            /**
             * Creates a plain object from a Checkin message. Also converts values to other types if specified.
             * @param message Checkin
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.Checkin, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Checkin to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Checkin {

            /** Properties of a Checkin. */
            interface $Properties {

                /** Checkin nextCheckinAtMs */
                nextCheckinAtMs?: (number|null);

                /** Checkin agentUptimeS */
                agentUptimeS?: (number|null);

                /** Checkin spoolQueuedMessages */
                spoolQueuedMessages?: (number|null);

                /** Checkin spoolQueuedBytes */
                spoolQueuedBytes?: (number|null);

                /** Checkin externalIp */
                externalIp?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Checkin. */
            type $Shape = pushtrace.v1.Checkin.$Properties;
        }

        /**
         * Properties of a HostInfo.
         * @deprecated Use pushtrace.v1.HostInfo.$Properties instead.
         */
        interface IHostInfo extends pushtrace.v1.HostInfo.$Properties {
        }

        /** Represents a HostInfo. */
        class HostInfo {

            /**
             * Constructs a new HostInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.HostInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HostInfo hostname. */
            hostname: string;

            /** HostInfo osPlatform. */
            osPlatform: string;

            /** HostInfo osVersion. */
            osVersion: string;

            /** HostInfo osRelease. */
            osRelease: string;

            /** HostInfo arch. */
            arch: string;

            /** HostInfo agentVersion. */
            agentVersion: string;

            /** HostInfo bootTimeMs. */
            bootTimeMs: number;

            /** HostInfo interfaces. */
            interfaces: pushtrace.v1.NetInterface.$Properties[];

            /** HostInfo loggedInUsers. */
            loggedInUsers: string[];

            /** HostInfo observedAtMs. */
            observedAtMs: number;

            /**
             * Creates a new HostInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HostInfo instance
             */
            static create(properties: pushtrace.v1.HostInfo.$Shape): pushtrace.v1.HostInfo & pushtrace.v1.HostInfo.$Shape;
            static create(properties?: pushtrace.v1.HostInfo.$Properties): pushtrace.v1.HostInfo;

            /**
             * Encodes the specified HostInfo message. Does not implicitly {@link pushtrace.v1.HostInfo.verify|verify} messages.
             * @param message HostInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.HostInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified HostInfo message, length delimited. Does not implicitly {@link pushtrace.v1.HostInfo.verify|verify} messages.
             * @param message HostInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.HostInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HostInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.HostInfo & pushtrace.v1.HostInfo.$Shape} HostInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.HostInfo & pushtrace.v1.HostInfo.$Shape;

            /**
             * Decodes a HostInfo message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.HostInfo & pushtrace.v1.HostInfo.$Shape} HostInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.HostInfo & pushtrace.v1.HostInfo.$Shape;

            /**
             * Verifies a HostInfo message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HostInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HostInfo
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.HostInfo;

            /**
             * Creates a plain object from a HostInfo message. Also converts values to other types if specified.
             * @param message HostInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.HostInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HostInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HostInfo {

            /** Properties of a HostInfo. */
            interface $Properties {

                /** HostInfo hostname */
                hostname?: (string|null);

                /** HostInfo osPlatform */
                osPlatform?: (string|null);

                /** HostInfo osVersion */
                osVersion?: (string|null);

                /** HostInfo osRelease */
                osRelease?: (string|null);

                /** HostInfo arch */
                arch?: (string|null);

                /** HostInfo agentVersion */
                agentVersion?: (string|null);

                /** HostInfo bootTimeMs */
                bootTimeMs?: (number|null);

                /** HostInfo interfaces */
                interfaces?: (pushtrace.v1.NetInterface.$Properties[]|null);

                /** HostInfo loggedInUsers */
                loggedInUsers?: (string[]|null);

                /** HostInfo observedAtMs */
                observedAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HostInfo. */
            type $Shape = pushtrace.v1.HostInfo.$Properties;
        }

        /**
         * Properties of a NetInterface.
         * @deprecated Use pushtrace.v1.NetInterface.$Properties instead.
         */
        interface INetInterface extends pushtrace.v1.NetInterface.$Properties {
        }

        /** Represents a NetInterface. */
        class NetInterface {

            /**
             * Constructs a new NetInterface.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.NetInterface.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NetInterface name. */
            name: string;

            /** NetInterface mac. */
            mac: string;

            /** NetInterface addresses. */
            addresses: string[];

            /**
             * Creates a new NetInterface instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NetInterface instance
             */
            static create(properties: pushtrace.v1.NetInterface.$Shape): pushtrace.v1.NetInterface & pushtrace.v1.NetInterface.$Shape;
            static create(properties?: pushtrace.v1.NetInterface.$Properties): pushtrace.v1.NetInterface;

            /**
             * Encodes the specified NetInterface message. Does not implicitly {@link pushtrace.v1.NetInterface.verify|verify} messages.
             * @param message NetInterface message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.NetInterface.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified NetInterface message, length delimited. Does not implicitly {@link pushtrace.v1.NetInterface.verify|verify} messages.
             * @param message NetInterface message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.NetInterface.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetInterface message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.NetInterface & pushtrace.v1.NetInterface.$Shape} NetInterface
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.NetInterface & pushtrace.v1.NetInterface.$Shape;

            /**
             * Decodes a NetInterface message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.NetInterface & pushtrace.v1.NetInterface.$Shape} NetInterface
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.NetInterface & pushtrace.v1.NetInterface.$Shape;

            /**
             * Verifies a NetInterface message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a NetInterface message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns NetInterface
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.NetInterface;

            /**
             * Creates a plain object from a NetInterface message. Also converts values to other types if specified.
             * @param message NetInterface
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.NetInterface, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this NetInterface to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace NetInterface {

            /** Properties of a NetInterface. */
            interface $Properties {

                /** NetInterface name */
                name?: (string|null);

                /** NetInterface mac */
                mac?: (string|null);

                /** NetInterface addresses */
                addresses?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NetInterface. */
            type $Shape = pushtrace.v1.NetInterface.$Properties;
        }

        /**
         * Properties of a ProcessInfo.
         * @deprecated Use pushtrace.v1.ProcessInfo.$Properties instead.
         */
        interface IProcessInfo extends pushtrace.v1.ProcessInfo.$Properties {
        }

        /** Represents a ProcessInfo. */
        class ProcessInfo {

            /**
             * Constructs a new ProcessInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.ProcessInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProcessInfo processGuid. */
            processGuid: string;

            /** ProcessInfo pid. */
            pid: number;

            /** ProcessInfo ppid. */
            ppid: number;

            /** ProcessInfo startTimeMs. */
            startTimeMs: number;

            /** ProcessInfo name. */
            name: string;

            /** ProcessInfo path. */
            path: string;

            /** ProcessInfo argv. */
            argv: string[];

            /** ProcessInfo cmdline. */
            cmdline: string;

            /** ProcessInfo username. */
            username: string;

            /** ProcessInfo uid. */
            uid: number;

            /** ProcessInfo sha256. */
            sha256: string;

            /** ProcessInfo md5. */
            md5: string;

            /** ProcessInfo hashError. */
            hashError: string;

            /** ProcessInfo observedAtMs. */
            observedAtMs: number;

            /** ProcessInfo exeDeleted. */
            exeDeleted: boolean;

            /**
             * Creates a new ProcessInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProcessInfo instance
             */
            static create(properties: pushtrace.v1.ProcessInfo.$Shape): pushtrace.v1.ProcessInfo & pushtrace.v1.ProcessInfo.$Shape;
            static create(properties?: pushtrace.v1.ProcessInfo.$Properties): pushtrace.v1.ProcessInfo;

            /**
             * Encodes the specified ProcessInfo message. Does not implicitly {@link pushtrace.v1.ProcessInfo.verify|verify} messages.
             * @param message ProcessInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.ProcessInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ProcessInfo message, length delimited. Does not implicitly {@link pushtrace.v1.ProcessInfo.verify|verify} messages.
             * @param message ProcessInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.ProcessInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProcessInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.ProcessInfo & pushtrace.v1.ProcessInfo.$Shape} ProcessInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.ProcessInfo & pushtrace.v1.ProcessInfo.$Shape;

            /**
             * Decodes a ProcessInfo message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.ProcessInfo & pushtrace.v1.ProcessInfo.$Shape} ProcessInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.ProcessInfo & pushtrace.v1.ProcessInfo.$Shape;

            /**
             * Verifies a ProcessInfo message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ProcessInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProcessInfo
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.ProcessInfo;

            /**
             * Creates a plain object from a ProcessInfo message. Also converts values to other types if specified.
             * @param message ProcessInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.ProcessInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProcessInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ProcessInfo {

            /** Properties of a ProcessInfo. */
            interface $Properties {

                /** ProcessInfo processGuid */
                processGuid?: (string|null);

                /** ProcessInfo pid */
                pid?: (number|null);

                /** ProcessInfo ppid */
                ppid?: (number|null);

                /** ProcessInfo startTimeMs */
                startTimeMs?: (number|null);

                /** ProcessInfo name */
                name?: (string|null);

                /** ProcessInfo path */
                path?: (string|null);

                /** ProcessInfo argv */
                argv?: (string[]|null);

                /** ProcessInfo cmdline */
                cmdline?: (string|null);

                /** ProcessInfo username */
                username?: (string|null);

                /** ProcessInfo uid */
                uid?: (number|null);

                /** ProcessInfo sha256 */
                sha256?: (string|null);

                /** ProcessInfo md5 */
                md5?: (string|null);

                /** ProcessInfo hashError */
                hashError?: (string|null);

                /** ProcessInfo observedAtMs */
                observedAtMs?: (number|null);

                /** ProcessInfo exeDeleted */
                exeDeleted?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProcessInfo. */
            type $Shape = pushtrace.v1.ProcessInfo.$Properties;
        }

        /**
         * Properties of a NetconnBatch.
         * @deprecated Use pushtrace.v1.NetconnBatch.$Properties instead.
         */
        interface INetconnBatch extends pushtrace.v1.NetconnBatch.$Properties {
        }

        /** Represents a NetconnBatch. */
        class NetconnBatch {

            /**
             * Constructs a new NetconnBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.NetconnBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NetconnBatch events. */
            events: pushtrace.v1.NetconnEvent.$Properties[];

            /** NetconnBatch sampledAtMs. */
            sampledAtMs: number;

            /**
             * Creates a new NetconnBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NetconnBatch instance
             */
            static create(properties: pushtrace.v1.NetconnBatch.$Shape): pushtrace.v1.NetconnBatch & pushtrace.v1.NetconnBatch.$Shape;
            static create(properties?: pushtrace.v1.NetconnBatch.$Properties): pushtrace.v1.NetconnBatch;

            /**
             * Encodes the specified NetconnBatch message. Does not implicitly {@link pushtrace.v1.NetconnBatch.verify|verify} messages.
             * @param message NetconnBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.NetconnBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified NetconnBatch message, length delimited. Does not implicitly {@link pushtrace.v1.NetconnBatch.verify|verify} messages.
             * @param message NetconnBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.NetconnBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetconnBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.NetconnBatch & pushtrace.v1.NetconnBatch.$Shape} NetconnBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.NetconnBatch & pushtrace.v1.NetconnBatch.$Shape;

            /**
             * Decodes a NetconnBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.NetconnBatch & pushtrace.v1.NetconnBatch.$Shape} NetconnBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.NetconnBatch & pushtrace.v1.NetconnBatch.$Shape;

            /**
             * Verifies a NetconnBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a NetconnBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns NetconnBatch
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.NetconnBatch;

            /**
             * Creates a plain object from a NetconnBatch message. Also converts values to other types if specified.
             * @param message NetconnBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.NetconnBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this NetconnBatch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace NetconnBatch {

            /** Properties of a NetconnBatch. */
            interface $Properties {

                /** NetconnBatch events */
                events?: (pushtrace.v1.NetconnEvent.$Properties[]|null);

                /** NetconnBatch sampledAtMs */
                sampledAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NetconnBatch. */
            type $Shape = pushtrace.v1.NetconnBatch.$Properties;
        }

        /**
         * Properties of a NetconnEvent.
         * @deprecated Use pushtrace.v1.NetconnEvent.$Properties instead.
         */
        interface INetconnEvent extends pushtrace.v1.NetconnEvent.$Properties {
        }

        /** Represents a NetconnEvent. */
        class NetconnEvent {

            /**
             * Constructs a new NetconnEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.NetconnEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NetconnEvent kind. */
            kind: pushtrace.v1.NetconnEvent.Kind;

            /** NetconnEvent connId. */
            connId: string;

            /** NetconnEvent protocol. */
            protocol: pushtrace.v1.NetconnEvent.Protocol;

            /** NetconnEvent direction. */
            direction: pushtrace.v1.NetconnEvent.Direction;

            /** NetconnEvent processGuid. */
            processGuid: string;

            /** NetconnEvent pid. */
            pid: number;

            /** NetconnEvent localIp. */
            localIp: string;

            /** NetconnEvent localPort. */
            localPort: number;

            /** NetconnEvent remoteIp. */
            remoteIp: string;

            /** NetconnEvent remotePort. */
            remotePort: number;

            /** NetconnEvent state. */
            state: string;

            /** NetconnEvent firstSeenMs. */
            firstSeenMs: number;

            /** NetconnEvent lastSeenMs. */
            lastSeenMs: number;

            /**
             * Creates a new NetconnEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NetconnEvent instance
             */
            static create(properties: pushtrace.v1.NetconnEvent.$Shape): pushtrace.v1.NetconnEvent & pushtrace.v1.NetconnEvent.$Shape;
            static create(properties?: pushtrace.v1.NetconnEvent.$Properties): pushtrace.v1.NetconnEvent;

            /**
             * Encodes the specified NetconnEvent message. Does not implicitly {@link pushtrace.v1.NetconnEvent.verify|verify} messages.
             * @param message NetconnEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.NetconnEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified NetconnEvent message, length delimited. Does not implicitly {@link pushtrace.v1.NetconnEvent.verify|verify} messages.
             * @param message NetconnEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.NetconnEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetconnEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.NetconnEvent & pushtrace.v1.NetconnEvent.$Shape} NetconnEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.NetconnEvent & pushtrace.v1.NetconnEvent.$Shape;

            /**
             * Decodes a NetconnEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.NetconnEvent & pushtrace.v1.NetconnEvent.$Shape} NetconnEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.NetconnEvent & pushtrace.v1.NetconnEvent.$Shape;

            /**
             * Verifies a NetconnEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a NetconnEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns NetconnEvent
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.NetconnEvent;

            /**
             * Creates a plain object from a NetconnEvent message. Also converts values to other types if specified.
             * @param message NetconnEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.NetconnEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this NetconnEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace NetconnEvent {

            /** Properties of a NetconnEvent. */
            interface $Properties {

                /** NetconnEvent kind */
                kind?: (pushtrace.v1.NetconnEvent.Kind|null);

                /** NetconnEvent connId */
                connId?: (string|null);

                /** NetconnEvent protocol */
                protocol?: (pushtrace.v1.NetconnEvent.Protocol|null);

                /** NetconnEvent direction */
                direction?: (pushtrace.v1.NetconnEvent.Direction|null);

                /** NetconnEvent processGuid */
                processGuid?: (string|null);

                /** NetconnEvent pid */
                pid?: (number|null);

                /** NetconnEvent localIp */
                localIp?: (string|null);

                /** NetconnEvent localPort */
                localPort?: (number|null);

                /** NetconnEvent remoteIp */
                remoteIp?: (string|null);

                /** NetconnEvent remotePort */
                remotePort?: (number|null);

                /** NetconnEvent state */
                state?: (string|null);

                /** NetconnEvent firstSeenMs */
                firstSeenMs?: (number|null);

                /** NetconnEvent lastSeenMs */
                lastSeenMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NetconnEvent. */
            type $Shape = pushtrace.v1.NetconnEvent.$Properties;

            /** Kind enum. */
            enum Kind {

                /** KIND_UNSPECIFIED value */
                KIND_UNSPECIFIED = 0,

                /** OPEN value */
                OPEN = 1,

                /** CLOSE value */
                CLOSE = 2
            }

            /** Protocol enum. */
            enum Protocol {

                /** PROTOCOL_UNSPECIFIED value */
                PROTOCOL_UNSPECIFIED = 0,

                /** TCP value */
                TCP = 1,

                /** UDP value */
                UDP = 2
            }

            /** Direction enum. */
            enum Direction {

                /** DIRECTION_UNSPECIFIED value */
                DIRECTION_UNSPECIFIED = 0,

                /** OUTBOUND value */
                OUTBOUND = 1,

                /** INBOUND value */
                INBOUND = 2
            }
        }

        /**
         * Properties of an ExternalIpObservation.
         * @deprecated Use pushtrace.v1.ExternalIpObservation.$Properties instead.
         */
        interface IExternalIpObservation extends pushtrace.v1.ExternalIpObservation.$Properties {
        }

        /** Represents an ExternalIpObservation. */
        class ExternalIpObservation {

            /**
             * Constructs a new ExternalIpObservation.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.ExternalIpObservation.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExternalIpObservation ip. */
            ip: string;

            /** ExternalIpObservation resolver. */
            resolver: string;

            /** ExternalIpObservation observedAtMs. */
            observedAtMs: number;

            /**
             * Creates a new ExternalIpObservation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExternalIpObservation instance
             */
            static create(properties: pushtrace.v1.ExternalIpObservation.$Shape): pushtrace.v1.ExternalIpObservation & pushtrace.v1.ExternalIpObservation.$Shape;
            static create(properties?: pushtrace.v1.ExternalIpObservation.$Properties): pushtrace.v1.ExternalIpObservation;

            /**
             * Encodes the specified ExternalIpObservation message. Does not implicitly {@link pushtrace.v1.ExternalIpObservation.verify|verify} messages.
             * @param message ExternalIpObservation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.ExternalIpObservation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ExternalIpObservation message, length delimited. Does not implicitly {@link pushtrace.v1.ExternalIpObservation.verify|verify} messages.
             * @param message ExternalIpObservation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.ExternalIpObservation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExternalIpObservation message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.ExternalIpObservation & pushtrace.v1.ExternalIpObservation.$Shape} ExternalIpObservation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.ExternalIpObservation & pushtrace.v1.ExternalIpObservation.$Shape;

            /**
             * Decodes an ExternalIpObservation message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.ExternalIpObservation & pushtrace.v1.ExternalIpObservation.$Shape} ExternalIpObservation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.ExternalIpObservation & pushtrace.v1.ExternalIpObservation.$Shape;

            /**
             * Verifies an ExternalIpObservation message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ExternalIpObservation message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExternalIpObservation
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.ExternalIpObservation;

            /**
             * Creates a plain object from an ExternalIpObservation message. Also converts values to other types if specified.
             * @param message ExternalIpObservation
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.ExternalIpObservation, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExternalIpObservation to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ExternalIpObservation {

            /** Properties of an ExternalIpObservation. */
            interface $Properties {

                /** ExternalIpObservation ip */
                ip?: (string|null);

                /** ExternalIpObservation resolver */
                resolver?: (string|null);

                /** ExternalIpObservation observedAtMs */
                observedAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExternalIpObservation. */
            type $Shape = pushtrace.v1.ExternalIpObservation.$Properties;
        }

        /**
         * Properties of a SpoolDropReport.
         * @deprecated Use pushtrace.v1.SpoolDropReport.$Properties instead.
         */
        interface ISpoolDropReport extends pushtrace.v1.SpoolDropReport.$Properties {
        }

        /** Represents a SpoolDropReport. */
        class SpoolDropReport {

            /**
             * Constructs a new SpoolDropReport.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.SpoolDropReport.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SpoolDropReport droppedMessages. */
            droppedMessages: number;

            /** SpoolDropReport droppedBytes. */
            droppedBytes: number;

            /** SpoolDropReport lastDroppedSeq. */
            lastDroppedSeq: number;

            /**
             * Creates a new SpoolDropReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SpoolDropReport instance
             */
            static create(properties: pushtrace.v1.SpoolDropReport.$Shape): pushtrace.v1.SpoolDropReport & pushtrace.v1.SpoolDropReport.$Shape;
            static create(properties?: pushtrace.v1.SpoolDropReport.$Properties): pushtrace.v1.SpoolDropReport;

            /**
             * Encodes the specified SpoolDropReport message. Does not implicitly {@link pushtrace.v1.SpoolDropReport.verify|verify} messages.
             * @param message SpoolDropReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.SpoolDropReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SpoolDropReport message, length delimited. Does not implicitly {@link pushtrace.v1.SpoolDropReport.verify|verify} messages.
             * @param message SpoolDropReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.SpoolDropReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SpoolDropReport message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.SpoolDropReport & pushtrace.v1.SpoolDropReport.$Shape} SpoolDropReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.SpoolDropReport & pushtrace.v1.SpoolDropReport.$Shape;

            /**
             * Decodes a SpoolDropReport message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.SpoolDropReport & pushtrace.v1.SpoolDropReport.$Shape} SpoolDropReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.SpoolDropReport & pushtrace.v1.SpoolDropReport.$Shape;

            /**
             * Verifies a SpoolDropReport message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SpoolDropReport message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SpoolDropReport
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.SpoolDropReport;

            /**
             * Creates a plain object from a SpoolDropReport message. Also converts values to other types if specified.
             * @param message SpoolDropReport
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.SpoolDropReport, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SpoolDropReport to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SpoolDropReport {

            /** Properties of a SpoolDropReport. */
            interface $Properties {

                /** SpoolDropReport droppedMessages */
                droppedMessages?: (number|null);

                /** SpoolDropReport droppedBytes */
                droppedBytes?: (number|null);

                /** SpoolDropReport lastDroppedSeq */
                lastDroppedSeq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SpoolDropReport. */
            type $Shape = pushtrace.v1.SpoolDropReport.$Properties;
        }

        /**
         * Properties of an Ack.
         * @deprecated Use pushtrace.v1.Ack.$Properties instead.
         */
        interface IAck extends pushtrace.v1.Ack.$Properties {
        }

        /** Represents an Ack. */
        class Ack {

            /**
             * Constructs a new Ack.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.Ack.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ack throughSeq. */
            throughSeq: number;

            /**
             * Creates a new Ack instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ack instance
             */
            static create(properties: pushtrace.v1.Ack.$Shape): pushtrace.v1.Ack & pushtrace.v1.Ack.$Shape;
            static create(properties?: pushtrace.v1.Ack.$Properties): pushtrace.v1.Ack;

            /**
             * Encodes the specified Ack message. Does not implicitly {@link pushtrace.v1.Ack.verify|verify} messages.
             * @param message Ack message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Ack message, length delimited. Does not implicitly {@link pushtrace.v1.Ack.verify|verify} messages.
             * @param message Ack message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.Ack & pushtrace.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.Ack & pushtrace.v1.Ack.$Shape;

            /**
             * Decodes an Ack message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Ack & pushtrace.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.Ack & pushtrace.v1.Ack.$Shape;

            /**
             * Verifies an Ack message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Ack
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.Ack;

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @param message Ack
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.Ack, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ack to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Ack {

            /** Properties of an Ack. */
            interface $Properties {

                /** Ack throughSeq */
                throughSeq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Ack. */
            type $Shape = pushtrace.v1.Ack.$Properties;
        }

        /**
         * Properties of an ErrorNotice.
         * @deprecated Use pushtrace.v1.ErrorNotice.$Properties instead.
         */
        interface IErrorNotice extends pushtrace.v1.ErrorNotice.$Properties {
        }

        /** Represents an ErrorNotice. */
        class ErrorNotice {

            /**
             * Constructs a new ErrorNotice.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.ErrorNotice.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ErrorNotice code. */
            code: string;

            /** ErrorNotice message. */
            message: string;

            /**
             * Creates a new ErrorNotice instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ErrorNotice instance
             */
            static create(properties: pushtrace.v1.ErrorNotice.$Shape): pushtrace.v1.ErrorNotice & pushtrace.v1.ErrorNotice.$Shape;
            static create(properties?: pushtrace.v1.ErrorNotice.$Properties): pushtrace.v1.ErrorNotice;

            /**
             * Encodes the specified ErrorNotice message. Does not implicitly {@link pushtrace.v1.ErrorNotice.verify|verify} messages.
             * @param message ErrorNotice message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.ErrorNotice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ErrorNotice message, length delimited. Does not implicitly {@link pushtrace.v1.ErrorNotice.verify|verify} messages.
             * @param message ErrorNotice message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.ErrorNotice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ErrorNotice message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.ErrorNotice & pushtrace.v1.ErrorNotice.$Shape} ErrorNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.ErrorNotice & pushtrace.v1.ErrorNotice.$Shape;

            /**
             * Decodes an ErrorNotice message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.ErrorNotice & pushtrace.v1.ErrorNotice.$Shape} ErrorNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.ErrorNotice & pushtrace.v1.ErrorNotice.$Shape;

            /**
             * Verifies an ErrorNotice message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ErrorNotice message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ErrorNotice
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.ErrorNotice;

            /**
             * Creates a plain object from an ErrorNotice message. Also converts values to other types if specified.
             * @param message ErrorNotice
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.ErrorNotice, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ErrorNotice to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ErrorNotice {

            /** Properties of an ErrorNotice. */
            interface $Properties {

                /** ErrorNotice code */
                code?: (string|null);

                /** ErrorNotice message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ErrorNotice. */
            type $Shape = pushtrace.v1.ErrorNotice.$Properties;
        }

        /**
         * Properties of a Command.
         * @deprecated Use pushtrace.v1.Command.$Properties instead.
         */
        interface ICommand extends pushtrace.v1.Command.$Properties {
        }

        /** Represents a Command. */
        class Command {

            /**
             * Constructs a new Command.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.Command.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Command id. */
            id: string;

            /** Command sensorId. */
            sensorId: number;

            /** Command verb. */
            verb: string;

            /** Command args. */
            args: string[];

            /** Command issuedBy. */
            issuedBy: string;

            /** Command keyId. */
            keyId: string;

            /** Command issuedAtMs. */
            issuedAtMs: number;

            /** Command deadlineMs. */
            deadlineMs: number;

            /** Command signature. */
            signature: Uint8Array;

            /**
             * Creates a new Command instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Command instance
             */
            static create(properties: pushtrace.v1.Command.$Shape): pushtrace.v1.Command & pushtrace.v1.Command.$Shape;
            static create(properties?: pushtrace.v1.Command.$Properties): pushtrace.v1.Command;

            /**
             * Encodes the specified Command message. Does not implicitly {@link pushtrace.v1.Command.verify|verify} messages.
             * @param message Command message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link pushtrace.v1.Command.verify|verify} messages.
             * @param message Command message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.Command & pushtrace.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.Command & pushtrace.v1.Command.$Shape;

            /**
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.Command & pushtrace.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.Command & pushtrace.v1.Command.$Shape;

            /**
             * Verifies a Command message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Command
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.Command;

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @param message Command
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.Command, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Command to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Command {

            /** Properties of a Command. */
            interface $Properties {

                /** Command id */
                id?: (string|null);

                /** Command sensorId */
                sensorId?: (number|null);

                /** Command verb */
                verb?: (string|null);

                /** Command args */
                args?: (string[]|null);

                /** Command issuedBy */
                issuedBy?: (string|null);

                /** Command keyId */
                keyId?: (string|null);

                /** Command issuedAtMs */
                issuedAtMs?: (number|null);

                /** Command deadlineMs */
                deadlineMs?: (number|null);

                /** Command signature */
                signature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Command. */
            type $Shape = pushtrace.v1.Command.$Properties;
        }

        /** CommandStatus enum. */
        enum CommandStatus {

            /** COMMAND_STATUS_UNSPECIFIED value */
            COMMAND_STATUS_UNSPECIFIED = 0,

            /** COMMAND_STATUS_OK value */
            COMMAND_STATUS_OK = 1,

            /** COMMAND_STATUS_FAILED value */
            COMMAND_STATUS_FAILED = 2,

            /** COMMAND_STATUS_TIMED_OUT value */
            COMMAND_STATUS_TIMED_OUT = 3,

            /** COMMAND_STATUS_REFUSED_UNSIGNED value */
            COMMAND_STATUS_REFUSED_UNSIGNED = 10,

            /** COMMAND_STATUS_REFUSED_BAD_SIGNATURE value */
            COMMAND_STATUS_REFUSED_BAD_SIGNATURE = 11,

            /** COMMAND_STATUS_REFUSED_UNKNOWN_KEY value */
            COMMAND_STATUS_REFUSED_UNKNOWN_KEY = 12,

            /** COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED value */
            COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED = 13,

            /** COMMAND_STATUS_REFUSED_EXPIRED value */
            COMMAND_STATUS_REFUSED_EXPIRED = 14,

            /** COMMAND_STATUS_REFUSED_REPLAYED value */
            COMMAND_STATUS_REFUSED_REPLAYED = 15,

            /** COMMAND_STATUS_REFUSED_WRONG_SENSOR value */
            COMMAND_STATUS_REFUSED_WRONG_SENSOR = 16,

            /** COMMAND_STATUS_REFUSED_DISABLED value */
            COMMAND_STATUS_REFUSED_DISABLED = 17,

            /** COMMAND_STATUS_REFUSED_BAD_ARGS value */
            COMMAND_STATUS_REFUSED_BAD_ARGS = 18
        }

        /**
         * Properties of a CommandResult.
         * @deprecated Use pushtrace.v1.CommandResult.$Properties instead.
         */
        interface ICommandResult extends pushtrace.v1.CommandResult.$Properties {
        }

        /** Represents a CommandResult. */
        class CommandResult {

            /**
             * Constructs a new CommandResult.
             * @param [properties] Properties to set
             */
            constructor(properties?: pushtrace.v1.CommandResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CommandResult id. */
            id: string;

            /** CommandResult status. */
            status: pushtrace.v1.CommandStatus;

            /** CommandResult exitCode. */
            exitCode: number;

            /** CommandResult stdout. */
            stdout: Uint8Array;

            /** CommandResult stderr. */
            stderr: Uint8Array;

            /** CommandResult truncated. */
            truncated: boolean;

            /** CommandResult startedAtMs. */
            startedAtMs: number;

            /** CommandResult finishedAtMs. */
            finishedAtMs: number;

            /** CommandResult message. */
            message: string;

            /**
             * Creates a new CommandResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CommandResult instance
             */
            static create(properties: pushtrace.v1.CommandResult.$Shape): pushtrace.v1.CommandResult & pushtrace.v1.CommandResult.$Shape;
            static create(properties?: pushtrace.v1.CommandResult.$Properties): pushtrace.v1.CommandResult;

            /**
             * Encodes the specified CommandResult message. Does not implicitly {@link pushtrace.v1.CommandResult.verify|verify} messages.
             * @param message CommandResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pushtrace.v1.CommandResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CommandResult message, length delimited. Does not implicitly {@link pushtrace.v1.CommandResult.verify|verify} messages.
             * @param message CommandResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pushtrace.v1.CommandResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CommandResult message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pushtrace.v1.CommandResult & pushtrace.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pushtrace.v1.CommandResult & pushtrace.v1.CommandResult.$Shape;

            /**
             * Decodes a CommandResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pushtrace.v1.CommandResult & pushtrace.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pushtrace.v1.CommandResult & pushtrace.v1.CommandResult.$Shape;

            /**
             * Verifies a CommandResult message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CommandResult message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CommandResult
             */
            static fromObject(object: { [k: string]: any }): pushtrace.v1.CommandResult;

            /**
             * Creates a plain object from a CommandResult message. Also converts values to other types if specified.
             * @param message CommandResult
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pushtrace.v1.CommandResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CommandResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CommandResult {

            /** Properties of a CommandResult. */
            interface $Properties {

                /** CommandResult id */
                id?: (string|null);

                /** CommandResult status */
                status?: (pushtrace.v1.CommandStatus|null);

                /** CommandResult exitCode */
                exitCode?: (number|null);

                /** CommandResult stdout */
                stdout?: (Uint8Array|null);

                /** CommandResult stderr */
                stderr?: (Uint8Array|null);

                /** CommandResult truncated */
                truncated?: (boolean|null);

                /** CommandResult startedAtMs */
                startedAtMs?: (number|null);

                /** CommandResult finishedAtMs */
                finishedAtMs?: (number|null);

                /** CommandResult message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CommandResult. */
            type $Shape = pushtrace.v1.CommandResult.$Properties;
        }
    }
}
