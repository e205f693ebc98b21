// Takes the state lock of the folder given as argv[2], says so, and holds it until killed.
import { acquireLock } from '../../pipeline/state/lock.ts';

await acquireLock(process.argv[2] ?? '.copydesk', 'test holder');
process.stdout.write('locked\n');
setInterval(() => undefined, 1000);
