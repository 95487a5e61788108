import $protobuf from 'protobufjs/minimal.js';

// 64-bit fields (seq, millisecond times) must decode as plain numbers, not
// Long objects: every value we send fits in 2^53, and one numeric type across
// agent and collector avoids a whole class of `seq === 0` surprises.
// protobufjs picks Long when the `long` package is loadable. The generated
// code bakes its 64-bit defaults in when it loads, so this module must be
// evaluated before it: messages.ts imports it first.
$protobuf.util.Long = null as never;
$protobuf.configure();
