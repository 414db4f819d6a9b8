-- Varied request bodies for wrk: personas from in and around Zuidwest with different radii,
-- days, interests and work goals, and answer sets for the scan endpoint. Rotated per request.
local postcodes = {"2532", "2533", "2541", "2542", "2543", "2544", "2545", "2546", "2547", "2548", "2531", "2522"}
local slots = {"mon-morning", "tue-afternoon", "wed-evening", "thu-afternoon", "fri-morning", "sat-morning", "sun-afternoon", "wed-morning"}
local interests = {"buurt", "natuur-groen", "jeugd", "taal-leren", "zorg-welzijn", "sport-bewegen", "cultuur-creatief", "eten-koken"}
local goals = {"not_for_me", "not_now", "exploring", "preparing", "searching"}
local words = {"", "", "", "tuin", "koken", "taal", "", "fiets"}

local bodies = {}
local path = os.getenv("LOAD_PATH") or "/v1/matches"
for i = 1, 64 do
  local pc = postcodes[(i % #postcodes) + 1]
  local s1, s2 = slots[(i % #slots) + 1], slots[((i * 3) % #slots) + 1]
  local it = interests[(i % #interests) + 1]
  local body
  if path == "/v1/scans" then
    body = string.format('{"questionnaire":"talentscan","version":1,"lang":"nl","store":false,"answers":{"woonplek":"%s","tijden":["%s","%s"],"interesses":["%s"],"werk":"nu-niet"}}', pc, s1, s2, it)
  else
    local q = words[(i % #words) + 1]
    local ov = ""
    if q ~= "" then ov = string.format(',"overrides":{"q":"%s"}', q) end
    body = string.format('{"persona":{"travel":{"origin":{"postcode":"%s"},"radius_km":%d,"mode":"bike"},"availability":{"slots":["%s","%s"],"hours_per_week":%d},"interests":{"%s":1.0},"work_goal":"%s"},"limit":{"tasks":10,"trainings":5}%s}',
      pc, (i % 10) + 1, s1, s2, (i % 6) + 2, it, goals[(i % #goals) + 1], ov)
  end
  bodies[i] = body
end

local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, bodies[(n % #bodies) + 1])
end

local errors = 0
response = function(status, headers, body)
  if status ~= 200 and status ~= 201 then
    errors = errors + 1
    if errors <= 3 then io.stderr:write("status " .. status .. ": " .. body .. "\n") end
  end
end
