<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%-- The answer to a successful change: the list, and out of band an empty input and no message --%>
<%@ include file="cart-items.jsp" %>
<input id="item" name="item" maxlength="300" autocomplete="off" hx-swap-oob="true">
<p id="cart-error" role="alert" hx-swap-oob="true"></p>
