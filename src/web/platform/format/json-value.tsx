import { Typography } from 'antd';

/** A JSON value for people: text for scalars, a compact block for objects and lists. */
export function JsonValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <span style={{ wordBreak: 'break-word' }}>{String(value)}</span>;
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return <span style={{ wordBreak: 'break-word' }}>{value.map(String).join(', ')}</span>;
  }
  return <pre className="kairos-json">{JSON.stringify(value, null, 2)}</pre>;
}
