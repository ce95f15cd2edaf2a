/// <reference types="astro/client" />
declare module 'virtual:govsite/site' {
  const data: import('../plugins/astro-govsite/site-data.ts').SiteData;
  export default data;
}
declare module 'virtual:govsite/theme.css';
