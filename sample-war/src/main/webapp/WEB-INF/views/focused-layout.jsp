<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · Nex sample</title>
  <script src="${pageContext.request.contextPath}/nex/htmx.min.js"></script>
</head>
<body>
  <header><a id="leave" href="${mvc.basePath}/" hx-boost="true">← Leave</a></header>
  <main>
${innerContent}
  </main>
</body>
</html>
