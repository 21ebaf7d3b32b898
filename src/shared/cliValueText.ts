import { parseTree, type Node } from 'jsonc-parser';

// The az CLI reads a settings file with Python's json.load and hands the values to its SDK, whose serializer turns
// every value of the string map into text with Python's str(): true becomes "True", 1.50 becomes "1.5", an object
// becomes its Python repr. JSON null stays null (the serializer leaves a value it cannot turn into text empty).
// These functions reproduce that text, so the tools send what az sends for the same file.

/** Python's repr of a float: the shortest digits that read back the same, fixed between 1e-4 and 1e16. */
function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${fraction}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction || '0'}`;
}

/** Python's repr of a JSON number as written: integers keep every digit, anything with a fraction or exponent is a float. */
function pythonNumber(written: string): string {
  if (/^-?\d+$/.test(written)) return written === '-0' ? '0' : written;
  return pythonFloat(Number(written));
}

/** Python's repr of a string: single quotes unless the text holds a single quote and no double quote. */
function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

function pythonRepr(node: Node, text: string): string {
  switch (node.type) {
    case 'string':
      return pythonStringRepr(node.value as string);
    case 'number':
      return pythonNumber(text.slice(node.offset, node.offset + node.length));
    case 'boolean':
      return node.value ? 'True' : 'False';
    case 'null':
      return 'None';
    case 'array':
      return `[${(node.children ?? []).map((c) => pythonRepr(c, text)).join(', ')}]`;
    default: {
      // A Python dict keeps a repeated key at its first place with its last value.
      const pairs = new Map<string, string>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) pairs.set(key.value as string, pythonRepr(value, text));
      }
      return `{${[...pairs].map(([k, v]) => `${pythonStringRepr(k)}: ${v}`).join(', ')}}`;
    }
  }
}

/**
 * The text az sends for a JSON value written in a settings file (`written` is the value's JSON text): a string as it
 * is, anything else as Python's str() of it; undefined for null, which az sends as null.
 */
export function cliValueText(written: string): string | undefined {
  const node = parseTree(written);
  if (!node || node.type === 'null') return undefined;
  if (node.type === 'string') return node.value as string;
  if (node.type === 'number') return pythonNumber(written.trim());
  return pythonRepr(node, written);
}
