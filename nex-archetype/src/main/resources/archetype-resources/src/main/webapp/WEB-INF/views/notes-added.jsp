<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%-- the list, and out of band an empty input and no message --%>
<%@ include file="notes.jsp" %>
<input id="note" name="note" maxlength="200" autocomplete="off" aria-label="Note" hx-swap-oob="true">
<p id="error" role="alert" hx-swap-oob="true"></p>
