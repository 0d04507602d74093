-- Neovim (0.7.x, built-in vim.lsp) as an independent LSP client of our server. Run by
-- test/e2e/neovim.test.ts:
--   nvim --headless -u NONE -i NONE -n -c "luafile test/e2e/neovim/lsp_test.lua"
-- Environment:
--   CL_SERVER      dist/server.js (started as `node CL_SERVER --stdio`)
--   CL_ROOT        the project folder (a copy of examples/demo)
--   CL_FILE        the file to open (src/orders.ts of that copy)
--   CL_EXPECTED    the CLI's findings for that file: "line:column:ruleId" (1-based), ";"-separated
--   CL_TIMEOUT_MS  how long to wait for each event
-- Exit codes: 0 pass, 1 assertion failed, 2 timeout, 3 error. Every wait is vim.wait on a
-- predicate; `:qall!` would exit 0 whatever happened, so the script ends with os.exit(code).
local out = function(s) io.stdout:write(s .. '\n') end

local function finish(code, message)
  if message then out(message) end
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop(true) end
  io.stdout:flush()
  os.exit(code)
end

local function describe_diagnostic(d)
  local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code
  return string.format('%d:%d:%s', d.lnum + 1, d.col + 1, tostring(code))
end

local ok, err = xpcall(function()
  local timeout = tonumber(os.getenv('CL_TIMEOUT_MS') or '10000')
  local server = assert(os.getenv('CL_SERVER'), 'CL_SERVER not set')
  local root = assert(os.getenv('CL_ROOT'), 'CL_ROOT not set')
  local file = assert(os.getenv('CL_FILE'), 'CL_FILE not set')
  local expected = vim.split(assert(os.getenv('CL_EXPECTED'), 'CL_EXPECTED not set'), ';', { trimempty = true })
  local version = vim.version()
  out(string.format('nvim %d.%d.%d', version.major, version.minor, version.patch))

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  -- -u NONE turns off filetype detection, and the languageId Neovim sends is the filetype.
  vim.bo[bufnr].filetype = 'typescript'

  local client_id = vim.lsp.start_client({
    name = 'concurrency-lint',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    on_exit = function(code, signal)
      if code ~= 0 then out('server exited: code=' .. code .. ' signal=' .. signal) end
    end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  -- 1. Neovim 0.7 cannot pull: the server pushes textDocument/publishDiagnostics after didOpen.
  if not vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    return finish(2, 'TIMEOUT waiting for diagnostics')
  end
  local diagnostics = vim.diagnostic.get(bufnr)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  local actual = {}
  for _, d in ipairs(diagnostics) do
    out(string.format('DIAG %s source=%s %s', describe_diagnostic(d), tostring(d.source), d.message))
    table.insert(actual, describe_diagnostic(d))
  end
  out('EXPECTED ' .. table.concat(expected, ' '))
  out('ACTUAL   ' .. table.concat(actual, ' '))
  if not vim.deep_equal(actual, expected) then
    return finish(1, 'FAIL the diagnostics differ from the CLI findings')
  end

  -- 2. Code actions at the first floating-promise diagnostic, picked from the menu as a user
  -- would (0.7 has no `apply = true`; the menu is vim.ui.select, scripted here).
  local target
  for _, d in ipairs(diagnostics) do
    if d.user_data.lsp.code == 'floating-promise' then target = d; break end
  end
  assert(target, 'no floating-promise diagnostic')
  local offered = {}
  vim.ui.select = function(items, opts, on_choice)
    local chosen
    for i, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or item[2].title
      out(string.format('CODE ACTION %d: %s', i, title))
      table.insert(offered, title)
      if item[2].title == 'Add `await`' and not chosen then chosen = i end
    end
    if chosen then on_choice(items[chosen], chosen) else on_choice(nil, nil) end
  end
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  if not vim.wait(timeout, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 20) then
    return finish(2, 'TIMEOUT waiting for the code action edit (offered: ' .. table.concat(offered, ' | ') .. ')')
  end
  local line = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
  out('LINE AFTER FIX: ' .. line)
  if line ~= '  await sendReceipt(order);' then
    return finish(1, 'FAIL unexpected line after `Add await`')
  end

  -- 3. The edit reaches the server (didChange), which publishes again without that finding.
  local fixed = function()
    local now = vim.diagnostic.get(bufnr)
    if #now ~= #expected - 1 then return false end
    for _, d in ipairs(now) do
      if d.lnum == target.lnum then return false end
    end
    return true
  end
  if not vim.wait(timeout, fixed, 20) then
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do out('STILL ' .. describe_diagnostic(d)) end
    return finish(1, 'FAIL the fixed finding is still reported')
  end
  finish(0, 'PASS')
end, debug.traceback)

if not ok then finish(3, 'ERROR ' .. tostring(err)) end
