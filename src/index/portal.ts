// Which site hosts the platform-wide search (SRCH-03): the provincial portal (省级政府门户网站).
// Decided in src/config/platform-portal.ts, which the loader reads too (the 政策文件库, OPEN-04).
export { isPlatformPortal } from '../config/platform-portal.ts';
