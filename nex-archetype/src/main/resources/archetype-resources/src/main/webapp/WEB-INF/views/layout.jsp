<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Nex app</title>
  <%-- Nex serves htmx from its WebJar --%>
  <script src="${pageContext.request.contextPath}/nex/htmx.min.js"></script>
</head>
<body>
  <main>
${innerContent}
  </main>
</body>
</html>
