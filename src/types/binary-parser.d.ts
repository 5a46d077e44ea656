// binary-parser ships its typings outside its "exports" map, so NodeNext
// resolution cannot see them; point the module at them explicitly.
declare module 'binary-parser' {
  export { Parser } from '../../node_modules/binary-parser/dist/binary_parser.js';
}
