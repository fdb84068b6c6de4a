-- Drives Neovim's built-in LSP client (0.7) headless against `devops-guidance lsp --stdio`.
-- Reads a JSON spec from $DG_SPEC: { cmd = {...}, root = dir, settings = {...}, files = { { file, hover = {line, character},
-- complete = {line, character} | nil, action = { code, title } } } } and writes what the client saw to $DG_OUT as JSON.
local spec = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('DG_SPEC')), '\n'))
local out = os.getenv('DG_OUT')
local results = { files = {}, errors = {} }

local function fail(msg)
  table.insert(results.errors, msg)
end

local client_id = vim.lsp.start_client({
  name = 'devops-guidance',
  cmd = spec.cmd,
  root_dir = spec.root,
  settings = { devopsGuidance = spec.settings or vim.empty_dict() },
  -- Neovim 0.7 answers workspace/configuration without announcing it, and leaves sending the settings to on_init
  -- (as nvim-lspconfig does)
  on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end,
})
if not client_id then
  fail('start_client failed')
end

local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      code = d.code, severity = d.severity, source = d.source, message = d.message,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

for _, item in ipairs(spec.files) do
  local r = { file = item.file }
  vim.cmd('edit ' .. vim.fn.fnameescape(item.file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  r.diagnostics = diagnostics(bufnr)
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(bufnr)

  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = item.hover }, 10000)
  local h = hover and hover[client_id] and hover[client_id].result
  r.hover = h and h.contents and h.contents.value or vim.NIL

  local function outline(list)
    local out = {}
    for _, s in ipairs(list or {}) do
      table.insert(out, { name = s.name, line = s.range.start.line, children = outline(s.children) })
    end
    return out
  end
  local syms = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000)
  r.symbols = outline(syms and syms[client_id] and syms[client_id].result)

  if item.complete then
    local comp = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', { textDocument = { uri = uri }, position = item.complete }, 10000)
    local items = comp and comp[client_id] and comp[client_id].result or {}
    if items.items then items = items.items end
    r.completions = {}
    for _, c in ipairs(items) do table.insert(r.completions, c.label) end
  end

  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == item.action.code then target = d end
  end
  if target then
    -- what Neovim's own vim.lsp.buf.code_action() sends: the line's diagnostics converted back to LSP
    local lspdiag
    for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum, {}, client_id)) do
      if d.code == item.action.code then lspdiag = d end
    end
    local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
      textDocument = { uri = uri },
      range = lspdiag.range,
      context = { diagnostics = { lspdiag } },
    }, 10000)
    local actions = resp and resp[client_id] and resp[client_id].result or {}
    r.actions = {}
    local chosen
    for _, a in ipairs(actions) do
      table.insert(r.actions, a.title)
      if not chosen and a.title:find(item.action.title, 1, true) then chosen = a end
    end
    if chosen then
      vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
      r.applied = chosen.title
      -- the client sends didChange; wait for the new diagnostics without the fixed one
      vim.wait(10000, function()
        for _, d in ipairs(vim.diagnostic.get(bufnr)) do
          if d.code == item.action.code and d.lnum == target.lnum then return false end
        end
        return true
      end, 20)
    else
      fail(item.file .. ': no code action titled ' .. item.action.title)
    end
  else
    fail(item.file .. ': no diagnostic ' .. item.action.code)
  end
  r.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  r.after = diagnostics(bufnr)

  -- source.fixAll, as a client asks for it on save (context.only), applied to the buffer
  if item.fixAll then
    local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
      textDocument = { uri = uri },
      range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
      context = { diagnostics = {}, only = { 'source.fixAll' } },
    }, 10000)
    local actions = resp and resp[client_id] and resp[client_id].result or {}
    r.fixAllKinds = {}
    for _, a in ipairs(actions) do
      table.insert(r.fixAllKinds, a.kind)
      if a.kind == 'source.fixAll.devops-guidance' then vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding) end
    end
    r.fixedText = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  end
  table.insert(results.files, r)
end

vim.fn.writefile({ vim.fn.json_encode(results) }, out)
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd('qa!')
