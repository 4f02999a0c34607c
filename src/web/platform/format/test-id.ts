/** `data-testid` for props objects (e.g. antd `okButtonProps`), where JSX attribute syntax is not available. */
export function testId(id: string): Record<'data-testid', string> {
  return { 'data-testid': id };
}
