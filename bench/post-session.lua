-- wrk script: POST /sessions with a new student id each time (bench/web.sh)
local n = 0
request = function()
  n = n + 1
  local body = '{"studentId":"wrk' .. math.random(1, 1000000000) .. 'n' .. n .. '"}'
  return wrk.format("POST", "/sessions", {["Content-Type"] = "application/json"}, body)
end
