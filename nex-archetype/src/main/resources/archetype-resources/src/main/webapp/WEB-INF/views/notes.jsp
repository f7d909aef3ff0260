<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<ul id="notes">
<c:forEach var="note" items="${notes}">
  <li>${mvc.encoders.html(note)}</li>
</c:forEach>
</ul>
