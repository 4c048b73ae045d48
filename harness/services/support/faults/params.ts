/** Parameters the support service's faults share. */
import { z } from 'zod';

export const channels = z.array(z.string()).optional().describe('Support channel ids (default: all).');
