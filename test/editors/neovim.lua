-- Driven by neovim.test.ts: opens a plan in headless Neovim, starts milestones-language-server
-- with Neovim's own LSP client, and writes what the client received to a JSON file: the
-- diagnostics, a hover, and a completion after a line typed into a features list.
local plan = os.getenv('MILESTONES_PLAN')
local line = tonumber(os.getenv('MILESTONES_LINE'))
local character = tonumber(os.getenv('MILESTONES_CHARACTER'))
local result = {}

vim.cmd('edit ' .. vim.fn.fnameescape(plan))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = 'milestones',
  cmd = { os.getenv('MILESTONES_BIN'), '--stdio' },
  root_dir = vim.fn.fnamemodify(plan, ':h'),
  flags = { debounce_text_changes = 0 },
}
local settings = { milestones = { rules = { overdue = 'error' } } }
-- vim.lsp.start is Neovim 0.8 and later, which answers the server's workspace/configuration
-- request from `settings`. Debian 12 ships 0.7, which answers it too but does not say it can, so
-- the server reads the settings given at initialization.
if vim.lsp.start then
  config.settings = settings
  vim.lsp.start(config)
else
  config.init_options = settings
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end

result.published = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
result.diagnostics = {}
for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, {
    line = diagnostic.lnum, col = diagnostic.col, endLine = diagnostic.end_lnum, endCol = diagnostic.end_col,
    severity = diagnostic.severity, code = diagnostic.code, source = diagnostic.source, message = diagnostic.message,
  })
end

local function request(method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, 60000)
  if not responses then return { error = tostring(err) } end
  for _, response in pairs(responses) do
    if response.err then return { error = response.err.message } end
    return response.result
  end
  return { error = 'no client answered ' .. method }
end

local uri = vim.uri_from_bufnr(buf)
result.hover = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = character } })
local typed = '      - DM-NCSA-1'
vim.api.nvim_buf_set_lines(buf, line + 1, line + 1, true, { typed })
result.completion = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = line + 1, character = #typed } })

local file = io.open(os.getenv('MILESTONES_OUT'), 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
