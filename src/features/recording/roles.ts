/** One colour per role, used the same way in the list, the transcript and the test story. */
export function roleClasses(role: string): { border: string; text: string } {
  switch (role) {
    case 'system':
      return { border: 'border-l-role-system', text: 'text-role-system' };
    case 'user':
      return { border: 'border-l-role-user', text: 'text-role-user' };
    case 'assistant':
    case 'model':
      return { border: 'border-l-role-assistant', text: 'text-role-assistant' };
    case 'tool':
    case 'function':
      return { border: 'border-l-role-tool', text: 'text-role-tool' };
    case 'developer':
      return { border: 'border-l-role-developer', text: 'text-role-developer' };
    default:
      return { border: 'border-l-role-other', text: 'text-role-other' };
  }
}
