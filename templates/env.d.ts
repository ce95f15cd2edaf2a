/// <reference types="astro/client" />
declare module 'virtual:govsite/site' {
  const data: import('../src/render/site-data.ts').SiteData;
  export default data;
}
declare module 'virtual:govsite/theme.css';
