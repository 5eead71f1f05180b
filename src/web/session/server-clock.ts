import { api } from '../api/client.js';

/**
 * The server's time, which decides every deadline (RULES.md: phases end at their
 * deadlines). Remaining times are reckoned from it, not from this device's clock, which
 * may be wrong: the offset comes from `GET /health`, which answers the server's time.
 */
let offset = 0;

export function serverNow(): number {
  return Date.now() + offset;
}

/** Learns the server's time; a failure leaves the device's own clock in use. */
export async function syncServerClock(): Promise<void> {
  try {
    const { time } = await api.get<{ time: string }>('/health');
    const server = Date.parse(time);
    if (Number.isFinite(server)) offset = server - Date.now();
  } catch {
    // The device's clock is the best left.
  }
}
