// The last words of `npm run setup`: where the packaged extension is and how to use it.
console.log(`
Set up. The extension is packaged in dist/milestone-yaml.vsix:
  - in a desktop VS Code:  code --install-extension dist/milestone-yaml.vsix
  - in VS Code in your browser (code-server, installed on first use):  npm start
  - the tests:  npm test`);
