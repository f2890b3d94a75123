// The version the server and the checker report (initialize's serverInfo, `--version`, SARIF's
// tool): package.json's, which a test holds it to.
export const version = '0.2.0';
